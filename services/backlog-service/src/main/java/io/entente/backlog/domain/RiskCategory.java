package io.entente.backlog.domain;

public enum RiskCategory {
    SCIENTIFIC, REGULATORY, COMMERCIAL, RELATIONSHIP, SUPPLY, IP, FINANCIAL, OPERATIONAL
}
