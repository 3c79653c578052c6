package io.entente.backlog.messaging;

import io.entente.backlog.service.DecisionPreparation;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Decisions opened and withdrawn elsewhere start and stop their preparation work in the backlog. */
@ApplicationScoped
public class DecisionEventsHandler implements EventHandler {

    private final DecisionPreparation preparation;

    public DecisionEventsHandler(DecisionPreparation preparation) {
        this.preparation = preparation;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(DecisionOpened.class, DecisionWithdrawn.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof DecisionOpened opened) {
            preparation.open(opened);
        } else if (event instanceof DecisionWithdrawn withdrawn) {
            preparation.withdraw(withdrawn);
        }
    }
}
