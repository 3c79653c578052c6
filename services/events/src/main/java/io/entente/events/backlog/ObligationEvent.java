package io.entente.events.backlog;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.LocalDate;

/**
 * What happens to a contractual obligation. Aggregate id = obligation id. {@code owedBy} is {@code US},
 * {@code PARTNER} or {@code JOINT}.
 */
@Aggregate("obligation")
public sealed interface ObligationEvent extends DomainEvent
        permits ObligationEvent.ObligationRegistered, ObligationEvent.ObligationDue, ObligationEvent.ObligationMet,
        ObligationEvent.ObligationMissed {

    String obligationId();

    @Override
    default String aggregateId() {
        return obligationId();
    }

    record ObligationRegistered(String obligationId, String allianceId, String title, String clauseRef, String kind,
                                String owedBy, LocalDate dueDate, int leadTimeDays, String recurrence)
            implements ObligationEvent {
    }

    /** Published when the obligation's preparation window opens (due date minus lead time). */
    record ObligationDue(String obligationId, String allianceId, String title, String clauseRef, String kind,
                         String owedBy, LocalDate dueDate, int leadTimeDays) implements ObligationEvent {
    }

    record ObligationMet(String obligationId, String allianceId, LocalDate dueDate, LocalDate metOn)
            implements ObligationEvent {
    }

    record ObligationMissed(String obligationId, String allianceId, String title, LocalDate dueDate)
            implements ObligationEvent {
    }
}
