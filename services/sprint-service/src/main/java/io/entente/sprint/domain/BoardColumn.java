package io.entente.sprint.domain;

/** The columns of every board, in the order work flows through them. */
public enum BoardColumn {
    TODO, IN_PROGRESS, IN_REVIEW, DONE
}
