package io.entente.backlog.domain;

import java.time.LocalDate;

/** One occurrence of an obligation that was met: the due date it had and the day it was met. */
public record ObligationOccurrence(LocalDate dueDate, LocalDate metOn) {

    public boolean onTime() {
        return !metOn.isAfter(dueDate);
    }
}
