package io.entente.governance.domain;

/** Follows the backlog item the backlog service made from the action item. */
public enum ActionStatus {
    OPEN, DONE, DROPPED
}
