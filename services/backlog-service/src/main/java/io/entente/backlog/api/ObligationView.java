package io.entente.backlog.api;

import io.entente.backlog.domain.Obligation;
import io.entente.platform.security.Internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code windowOpens}: when the backlog item for the current occurrence is (or was) created. How we prepare an
 * obligation (lead time, window, the backlog item) is internal; the obligation itself is joint.
 */
public record ObligationView(UUID id, String allianceId, String title, String clauseRef, String kind,
                             String owedBy, LocalDate dueDate, String recurrence, @Internal int leadTimeDays,
                             @Internal LocalDate windowOpens, String status, @Internal UUID itemId, LocalDate metOn,
                             long version, Instant createdAt, Instant updatedAt) {

    public static ObligationView of(Obligation o) {
        return new ObligationView(o.id, o.allianceId, o.title, o.clauseRef, o.kind.name(), o.owedBy.name(),
                o.dueDate, o.recurrence.name(), o.leadTimeDays, o.windowOpens(), o.status.name(), o.itemId,
                o.metOn, o.version, o.createdAt, o.updatedAt);
    }
}
