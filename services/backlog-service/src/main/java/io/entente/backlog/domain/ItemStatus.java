package io.entente.backlog.domain;

public enum ItemStatus {
    NEW, READY, IN_SPRINT, DONE, DROPPED
}
