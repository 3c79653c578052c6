package io.entente.decision.service;

import io.entente.decision.domain.Decision;
import io.entente.events.decision.DecisionEvent;
import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionOpened;

import java.util.List;

/** The events more than one use case publishes, built from the decision as it now is. */
final class DecisionEvents {

    private DecisionEvents() {
    }

    static DecisionOpened opened(Decision d) {
        List<DecisionEvent.Option> options = d.options.stream()
                .map(o -> new DecisionEvent.Option(o.key(), o.title(), o.pros(), o.cons())).toList();
        return new DecisionOpened(d.id.toString(), d.allianceId, d.title, d.question, d.context, options,
                d.governanceBody.name(), d.dueDate, d.leadTimeDays, d.driver, d.approver, d.internalNotes,
                d.supersedesId == null ? null : d.supersedesId.toString(),
                d.contributors == null ? List.of() : List.copyOf(d.contributors),
                d.informed == null ? List.of() : List.copyOf(d.informed));
    }

    static DecisionDecided decided(Decision d) {
        return new DecisionDecided(d.id.toString(), d.allianceId, d.chosenOption, d.rationale, d.decidedAt,
                d.decidedBy, d.meetingId);
    }
}
