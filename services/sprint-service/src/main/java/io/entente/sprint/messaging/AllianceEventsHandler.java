package io.entente.sprint.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
import io.entente.platform.messaging.EventHandler;
import io.entente.sprint.domain.AllianceCopy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;

/** Alliance names for swimlane titles. An update before the registration (other partition order) is an upsert. */
@ApplicationScoped
public class AllianceEventsHandler implements EventHandler {

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(AllianceRegistered.class, AllianceUpdated.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof AllianceRegistered registered) {
            upsert(registered.allianceId(), registered.name(), registered.partner(), registered.tier());
        } else if (event instanceof AllianceUpdated updated) {
            upsert(updated.allianceId(), updated.name(), updated.partner(), updated.tier());
        }
    }

    private static void upsert(String allianceId, String name, String partner, int tier) {
        AllianceCopy copy = AllianceCopy.findById(allianceId);
        if (copy == null) {
            copy = new AllianceCopy();
            copy.allianceId = allianceId;
        }
        copy.name = name;
        copy.partner = partner;
        copy.tier = tier;
        copy.updatedAt = Instant.now();
        copy.persist();
    }
}
