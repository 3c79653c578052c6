package io.entente.governance.api;

import io.entente.governance.domain.Packet;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.platform.security.Internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One packet version without its content: when, why, by whom, and how many entries each section holds. The counts
 * are of the internal edition (a partner would learn how many risks we track), so partners do not get them.
 */
public record PacketSummary(UUID meetingId, int version, String trigger, Instant generatedAt, String generatedBy,
                            @Internal Map<String, Integer> sections) {

    public static PacketSummary of(Packet packet) {
        PacketContent c = packet.content();
        Map<String, Integer> sections = new LinkedHashMap<>();
        sections.put("agenda", c.agenda().size());
        sections.put("decisions", c.decisions().size());
        sections.put("escalations", c.escalations().size());
        sections.put("progress", c.progress().size());
        sections.put("risks", c.risks().size());
        sections.put("obligations", c.obligations().size());
        sections.put("actionItems", c.actionItems().size());
        sections.put("lastMinutes", c.lastMinutes() == null ? 0 : 1);
        return new PacketSummary(packet.meetingId, packet.version, packet.trigger.name(), packet.generatedAt,
                packet.generatedBy, sections);
    }
}
