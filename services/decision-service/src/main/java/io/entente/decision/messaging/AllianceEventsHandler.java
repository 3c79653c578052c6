package io.entente.decision.messaging;

import io.entente.decision.service.LadderService;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Learns the alliances from the backlog service; each starts on the default escalation ladder. */
@ApplicationScoped
public class AllianceEventsHandler implements EventHandler {

    private final LadderService ladders;

    public AllianceEventsHandler(LadderService ladders) {
        this.ladders = ladders;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(AllianceRegistered.class, AllianceUpdated.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof AllianceRegistered registered) {
            ladders.upsert(registered.allianceId(), registered.name());
        } else if (event instanceof AllianceUpdated updated) {
            ladders.upsert(updated.allianceId(), updated.name());
        }
    }
}
