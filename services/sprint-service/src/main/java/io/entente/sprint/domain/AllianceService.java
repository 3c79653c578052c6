package io.entente.sprint.domain;

/** The alliance-management services an alliance can receive (see the service catalogue). */
public enum AllianceService {
    GOVERNANCE_SUPPORT, DECISION_PLANNING, RISK_REVIEW, HEALTH_CHECK, COMPLIANCE, PARTNER_EXPERIENCE, WIND_DOWN
}
