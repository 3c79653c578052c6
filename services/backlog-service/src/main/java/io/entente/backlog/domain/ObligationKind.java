package io.entente.backlog.domain;

public enum ObligationKind {
    REPORT, PAYMENT, MILESTONE, MINIMUM_MEETING, DILIGENCE;

    /** The specialist team that usually works this kind of obligation. */
    public Discipline discipline() {
        return switch (this) {
            case REPORT, DILIGENCE -> Discipline.CONTRACTS;
            case PAYMENT -> Discipline.FINANCE;
            case MILESTONE -> Discipline.PROJECT_MANAGEMENT;
            case MINIMUM_MEETING -> Discipline.GOVERNANCE;
        };
    }
}
