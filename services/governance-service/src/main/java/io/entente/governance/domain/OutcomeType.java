package io.entente.governance.domain;

public enum OutcomeType {
    INFORMATION_NOTED, DECISION_MADE, ACTION_ITEM
}
