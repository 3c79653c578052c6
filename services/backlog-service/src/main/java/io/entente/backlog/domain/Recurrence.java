package io.entente.backlog.domain;

import java.time.LocalDate;

public enum Recurrence {
    NONE, MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL;

    /** The next occurrence after {@code due}, or null for a one-off obligation. */
    public LocalDate next(LocalDate due) {
        return switch (this) {
            case NONE -> null;
            case MONTHLY -> due.plusMonths(1);
            case QUARTERLY -> due.plusMonths(3);
            case SEMI_ANNUAL -> due.plusMonths(6);
            case ANNUAL -> due.plusYears(1);
        };
    }
}
