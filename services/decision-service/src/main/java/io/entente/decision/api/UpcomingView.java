package io.entente.decision.api;

import io.entente.platform.security.Internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Decisions still to be taken, for stakeholders: overdue ones first, then one group per ISO week.
 *
 * @param today the day the view was computed for
 * @param until the last due date included
 */
public record UpcomingView(LocalDate today, LocalDate until, int total, List<Week> groups) {

    /**
     * @param isoWeek e.g. {@code 2026-W49}; null for the overdue group
     */
    public record Week(String label, String isoWeek, LocalDate weekStart, LocalDate weekEnd, boolean overdue,
                       List<Item> decisions) {
    }

    public record Item(UUID id, String allianceId, String title, String question, String governanceBody,
                       String currentBody, LocalDate dueDate, long daysUntilDue, LocalDate prepDeadline,
                       String status, @Internal String riskState, @Internal String riskReason, String driver,
                       String approver,
                       int escalationLevel) {
    }
}
