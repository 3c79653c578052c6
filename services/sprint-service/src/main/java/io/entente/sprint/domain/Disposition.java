package io.entente.sprint.domain;

/** Where an unfinished item goes when its sprint closes. */
public enum Disposition {
    BACKLOG, NEXT_SPRINT
}
