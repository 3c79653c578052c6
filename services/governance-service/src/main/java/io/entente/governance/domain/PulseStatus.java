package io.entente.governance.domain;

/** Where a survey link stands; only an OPEN one takes an answer. */
public enum PulseStatus {
    OPEN, ANSWERED, EXPIRED, REVOKED
}
