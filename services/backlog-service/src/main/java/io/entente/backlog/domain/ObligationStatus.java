package io.entente.backlog.domain;

/** UPCOMING until its preparation window opens (DUE), then MET, or MISSED once the due date has passed. */
public enum ObligationStatus {
    UPCOMING, DUE, MET, MISSED
}
