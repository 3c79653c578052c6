package io.entente.governance.domain;

/** Why an agenda item is on the agenda. */
public enum Purpose {
    INFORMATION, DISCUSSION, DECISION
}
