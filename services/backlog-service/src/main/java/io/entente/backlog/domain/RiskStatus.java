package io.entente.backlog.domain;

public enum RiskStatus {
    OPEN, MITIGATING, ACCEPTED, CLOSED
}
