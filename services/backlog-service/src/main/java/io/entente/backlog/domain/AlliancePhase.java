package io.entente.backlog.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an alliance. Phases move forward one step at a time; the exits are a deal not pursued (to
 * {@link #CLOSED} before launch), a renewal that loops back into execution, and a wind-down from any running phase.
 */
public enum AlliancePhase {
    EVALUATION, DUE_DILIGENCE, LAUNCH, EXECUTION, RENEWAL, WIND_DOWN, CLOSED;

    public Set<AlliancePhase> next() {
        return switch (this) {
            case EVALUATION -> EnumSet.of(DUE_DILIGENCE, CLOSED);
            case DUE_DILIGENCE -> EnumSet.of(LAUNCH, EVALUATION, CLOSED);
            case LAUNCH -> EnumSet.of(EXECUTION, WIND_DOWN);
            case EXECUTION -> EnumSet.of(RENEWAL, WIND_DOWN);
            case RENEWAL -> EnumSet.of(EXECUTION, WIND_DOWN);
            case WIND_DOWN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(AlliancePhase.class);
        };
    }

    public boolean canMoveTo(AlliancePhase target) {
        return next().contains(target);
    }
}
