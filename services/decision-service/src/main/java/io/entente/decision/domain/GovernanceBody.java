package io.entente.decision.domain;

/** The bodies that can hold a decision right, from a subcommittee up to the executive sponsors. */
public enum GovernanceBody {
    JSC, JDC, JCC, FINANCE, EXECUTIVE_SPONSORS
}
