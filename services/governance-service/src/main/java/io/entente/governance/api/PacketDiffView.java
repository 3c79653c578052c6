package io.entente.governance.api;

import io.entente.governance.domain.packet.PacketComparison.SectionDiff;

import java.util.List;
import java.util.UUID;

/** Sections that changed between two versions; entries are named by their keys (decision id, risk id, ...). */
public record PacketDiffView(UUID meetingId, int from, int to, String edition, List<SectionDiff> sections) {
}
