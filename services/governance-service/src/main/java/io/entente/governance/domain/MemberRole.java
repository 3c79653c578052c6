package io.entente.governance.domain;

public enum MemberRole {
    CO_CHAIR, MEMBER, SECRETARY
}
