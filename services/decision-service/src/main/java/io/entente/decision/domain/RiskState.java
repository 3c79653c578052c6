package io.entente.decision.domain;

public enum RiskState {
    ON_TRACK, AT_RISK, OVERDUE
}
