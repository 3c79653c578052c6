package io.entente.backlog.domain;

public enum ItemType {
    TASK, RISK_FOLLOW_UP, OBLIGATION, DECISION_PREP, ACTION_ITEM
}
