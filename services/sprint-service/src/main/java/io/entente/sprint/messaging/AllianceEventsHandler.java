package io.entente.sprint.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.AllianceEvent.AlliancePhaseChanged;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
import io.entente.platform.messaging.EventHandler;
import io.entente.sprint.service.BacklogReadModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Alliance names for swimlane titles, and tier, phase, scores and manager for the workload. An update before the
 * registration (other partition order) is an upsert.
 */
@ApplicationScoped
public class AllianceEventsHandler implements EventHandler {

    private final BacklogReadModel backlog;

    public AllianceEventsHandler(BacklogReadModel backlog) {
        this.backlog = backlog;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(AllianceRegistered.class, AllianceUpdated.class, AlliancePhaseChanged.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof AllianceRegistered registered) {
            backlog.alliance(registered.allianceId(), registered.name(), registered.partner(), registered.tier(),
                    registered.phase(), registered.valueScore(), registered.complexityScore(),
                    registered.allianceManager());
        } else if (event instanceof AllianceUpdated updated) {
            backlog.alliance(updated.allianceId(), updated.name(), updated.partner(), updated.tier(), null,
                    updated.valueScore(), updated.complexityScore(), updated.allianceManager());
        } else if (event instanceof AlliancePhaseChanged changed) {
            backlog.alliancePhase(changed.allianceId(), changed.toPhase());
        }
    }
}
