package io.entente.events.backlog;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.LocalDate;

/** What happens to an alliance in the portfolio. Aggregate id = alliance key. */
@Aggregate("alliance")
public sealed interface AllianceEvent extends DomainEvent
        permits AllianceEvent.AllianceRegistered, AllianceEvent.AllianceUpdated, AllianceEvent.AlliancePhaseChanged {

    @Override
    default String aggregateId() {
        return allianceId();
    }

    /** Enum-valued fields travel as their names so that a new value never breaks an older consumer. */
    record AllianceRegistered(String allianceId, String name, String partner, String type, int tier, String phase,
                              int valueScore, int complexityScore, String allianceManager, LocalDate startDate)
            implements AllianceEvent {
    }

    record AllianceUpdated(String allianceId, String name, String partner, String type, int tier, int valueScore,
                           int complexityScore, String allianceManager) implements AllianceEvent {
    }

    record AlliancePhaseChanged(String allianceId, String fromPhase, String toPhase, String reason)
            implements AllianceEvent {
    }
}
