package io.entente.events.decision;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What happens to an alliance decision. Aggregate id = decision id. */
@Aggregate("decision")
public sealed interface DecisionEvent extends DomainEvent
        permits DecisionEvent.DecisionOpened, DecisionEvent.DecisionProposed, DecisionEvent.DecisionDecided,
        DecisionEvent.DecisionDeferred, DecisionEvent.DecisionEscalated, DecisionEvent.DecisionRiskChanged,
        DecisionEvent.DecisionWithdrawn {

    String decisionId();

    @Override
    default String aggregateId() {
        return decisionId();
    }

    record Option(String key, String title, String pros, String cons) {
    }

    /**
     * Carries the due date and lead time so the backlog can create the prep items, and the options so a packet can
     * show them. {@code internalNotes} (negotiation positions) must never reach a partner edition.
     */
    record DecisionOpened(String decisionId, String allianceId, String title, String question, String context,
                          List<Option> options, String governanceBody, LocalDate dueDate, int leadTimeDays,
                          String driver, String approver, String internalNotes, String supersedesDecisionId,
                          List<String> contributors, List<String> informed)
            implements DecisionEvent {

        /**
         * Without the DACI's contributors and informed people, as the event was before it carried them (a reader of
         * an older event sees them as null: not known, rather than nobody).
         */
        public DecisionOpened(String decisionId, String allianceId, String title, String question, String context,
                              List<Option> options, String governanceBody, LocalDate dueDate, int leadTimeDays,
                              String driver, String approver, String internalNotes, String supersedesDecisionId) {
            this(decisionId, allianceId, title, question, context, options, governanceBody, dueDate, leadTimeDays,
                    driver, approver, internalNotes, supersedesDecisionId, null, null);
        }
    }

    record DecisionProposed(String decisionId, String allianceId, String proposedOption, String summary)
            implements DecisionEvent {
    }

    record DecisionDecided(String decisionId, String allianceId, String chosenOption, String rationale,
                           Instant decidedAt, String decidedBy, String meetingId) implements DecisionEvent {
    }

    record DecisionDeferred(String decisionId, String allianceId, LocalDate newDueDate, String reason)
            implements DecisionEvent {
    }

    record DecisionEscalated(String decisionId, String allianceId, String fromBody, String toBody, int level,
                             String reason, LocalDate respondBy) implements DecisionEvent {
    }

    /** States: {@code ON_TRACK}, {@code AT_RISK}, {@code OVERDUE}. */
    record DecisionRiskChanged(String decisionId, String allianceId, String fromState, String toState, String reason)
            implements DecisionEvent {
    }

    record DecisionWithdrawn(String decisionId, String allianceId, String reason) implements DecisionEvent {
    }
}
