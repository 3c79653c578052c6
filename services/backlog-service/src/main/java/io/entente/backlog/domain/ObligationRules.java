package io.entente.backlog.domain;

import java.time.LocalDate;

/** When an obligation needs work and when it counts as missed. */
public final class ObligationRules {

    private ObligationRules() {
    }

    /** The preparation window opens {@code leadTimeDays} before the due date. */
    public static LocalDate windowOpens(LocalDate dueDate, int leadTimeDays) {
        return dueDate.minusDays(leadTimeDays);
    }

    public static boolean windowOpen(ObligationStatus status, LocalDate dueDate, int leadTimeDays, LocalDate today) {
        return status == ObligationStatus.UPCOMING && !today.isBefore(windowOpens(dueDate, leadTimeDays));
    }

    /** Missed the day after the due date, unless met. */
    public static boolean missed(ObligationStatus status, LocalDate dueDate, LocalDate today) {
        return (status == ObligationStatus.UPCOMING || status == ObligationStatus.DUE) && today.isAfter(dueDate);
    }
}
