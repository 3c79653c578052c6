package io.entente.governance.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionDeferred;
import io.entente.events.decision.DecisionEvent.DecisionEscalated;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionProposed;
import io.entente.events.decision.DecisionEvent.DecisionRiskChanged;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import io.entente.governance.service.DecisionReadModel;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Keeps the copy of decisions the packet's decision and escalation sections read. A decision's other events may
 * arrive before its DecisionOpened (different services republish them); they create the row, and the opening
 * fills in the rest without undoing a later state.
 */
@ApplicationScoped
public class DecisionEventsHandler implements EventHandler {

    private final DecisionReadModel decisions;

    public DecisionEventsHandler(DecisionReadModel decisions) {
        this.decisions = decisions;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(DecisionOpened.class, DecisionProposed.class, DecisionDecided.class, DecisionDeferred.class,
                DecisionEscalated.class, DecisionRiskChanged.class, DecisionWithdrawn.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof DecisionOpened e) {
            decisions.decisionOpened(e);
        } else if (event instanceof DecisionProposed e) {
            decisions.decisionProposed(e);
        } else if (event instanceof DecisionDecided e) {
            decisions.decisionDecided(e);
        } else if (event instanceof DecisionWithdrawn e) {
            decisions.decisionWithdrawn(e);
        } else if (event instanceof DecisionDeferred e) {
            decisions.decisionDeferred(e);
        } else if (event instanceof DecisionRiskChanged e) {
            decisions.decisionRiskChanged(e);
        } else if (event instanceof DecisionEscalated e) {
            decisions.decisionEscalated(e);
        }
    }
}
