package io.entente.backlog.domain;

public enum OwedBy {
    US, PARTNER, JOINT;

    /** Our work differs by who owes: deliver it, chase the partner, or coordinate both sides. */
    public String itemVerb() {
        return switch (this) {
            case US -> "Deliver";
            case PARTNER -> "Chase partner for";
            case JOINT -> "Coordinate";
        };
    }
}
