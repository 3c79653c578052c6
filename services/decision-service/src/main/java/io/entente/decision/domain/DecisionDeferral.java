package io.entente.decision.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A deferral: when the due date moved, and from which date to which. */
public record DecisionDeferral(Instant at, LocalDate fromDueDate, LocalDate toDueDate) {
}
