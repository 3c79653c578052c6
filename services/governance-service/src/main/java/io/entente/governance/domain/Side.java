package io.entente.governance.domain;

/** Which company a person represents: our own or the partner. */
public enum Side {
    US, PARTNER
}
