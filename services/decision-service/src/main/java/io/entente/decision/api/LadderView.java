package io.entente.decision.api;

import io.entente.decision.domain.LadderStep;

import java.util.List;

/** An alliance's escalation ladder, lowest body first. */
public record LadderView(String allianceId, String allianceName, List<LadderStep> steps, long version) {
}
