package io.entente.governance.domain;

/** The minimum meeting frequency of a body, as the contract states it. */
public enum Cadence {
    MONTHLY(1), QUARTERLY(3), SEMI_ANNUAL(6), ANNUAL(12);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
