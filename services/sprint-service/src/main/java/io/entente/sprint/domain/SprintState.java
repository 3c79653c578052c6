package io.entente.sprint.domain;

public enum SprintState {
    PLANNED, ACTIVE, CLOSED
}
