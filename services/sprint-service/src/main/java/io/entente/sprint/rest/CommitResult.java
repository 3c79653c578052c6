package io.entente.sprint.rest;

/** The card as committed and where the sprint now stands against its capacity. */
public record CommitResult(CardView card, PlanningSummary planning) {
}
