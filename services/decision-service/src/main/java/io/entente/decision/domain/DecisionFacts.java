package io.entente.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the governance-health figures need to know of one decision (never a draft). */
public record DecisionFacts(String allianceId, DecisionStatus status, Instant openedAt, Instant decidedAt,
                            LocalDate dueDate, List<DecisionEscalation> escalations,
                            List<DecisionDeferral> deferrals) {

    public DecisionFacts {
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        deferrals = deferrals == null ? List.of() : List.copyOf(deferrals);
    }

    public static DecisionFacts of(Decision d) {
        return new DecisionFacts(d.allianceId, d.status, d.openedAt, d.decidedAt, d.dueDate, d.escalations,
                d.deferrals);
    }
}
