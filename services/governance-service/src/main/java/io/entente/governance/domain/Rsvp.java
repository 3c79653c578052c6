package io.entente.governance.domain;

public enum Rsvp {
    PENDING, ACCEPTED, TENTATIVE, DECLINED
}
