package io.entente.sprint.domain;

/** Where an item stands in one sprint. */
public enum SprintItemStatus {
    /** On the board (of an open sprint, or DONE-column items until the sprint closes). */
    COMMITTED,
    /** Taken off the board before the sprint closed. */
    REMOVED,
    /** Finished when the sprint closed. */
    COMPLETED,
    /** Unfinished when the sprint closed; {@link SprintItem#disposition} says where it went. */
    CARRIED_OVER
}
