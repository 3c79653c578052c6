package io.entente.backlog.domain;

/** The kind of specialist work an item needs; specialist teams pull the disciplines they serve. */
public enum Discipline {
    GOVERNANCE, CONTRACTS, FINANCE, ALLIANCE_HEALTH, PROJECT_MANAGEMENT, LEGAL
}
