package io.entente.sprint.api;

/** The card as committed and where the sprint now stands against its capacity. */
public record CommitResult(CardView card, PlanningSummary planning) {
}
