package io.entente.sprint.domain;

/**
 * An alliance's lifecycle phase as the alliance events name it. The backlog service owns the lifecycle; this copy of
 * the names lets the service catalogue and the workload speak of phases with typed values.
 */
public enum AlliancePhase {
    EVALUATION, DUE_DILIGENCE, LAUNCH, EXECUTION, RENEWAL, WIND_DOWN, CLOSED;

    /** A phase name from an event, or null when this service does not know it (a newer backlog service). */
    public static AlliancePhase fromEvent(String name) {
        if (name == null) {
            return null;
        }
        for (AlliancePhase phase : values()) {
            if (phase.name().equals(name)) {
                return phase;
            }
        }
        return null;
    }
}
