package io.entente.notification.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionEscalated;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionRiskChanged;
import io.entente.notification.service.EventNotifications;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Decisions: learns their DACI when opened; tells driver, approver and contributors when one goes at risk, overdue,
 * escalated or decided, and the informed people when it is decided.
 */
@ApplicationScoped
public class DecisionEventsHandler implements EventHandler {

    private final EventNotifications notifications;

    public DecisionEventsHandler(EventNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(DecisionOpened.class, DecisionRiskChanged.class, DecisionEscalated.class,
                DecisionDecided.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof DecisionOpened e) {
            notifications.decisionOpened(e.decisionId(), e.allianceId(), e.title(), e.driver(), e.approver(),
                    e.contributors(), e.informed());
        } else if (event instanceof DecisionRiskChanged e) {
            notifications.decisionRiskChanged(envelope.id(), e.decisionId(), e.toState(), e.reason());
        } else if (event instanceof DecisionEscalated e) {
            notifications.decisionEscalated(envelope.id(), e.decisionId(), e.toBody(),
                    e.respondBy() == null ? null : e.respondBy().toString());
        } else if (event instanceof DecisionDecided e) {
            notifications.decisionDecided(envelope.id(), e.decisionId(), e.chosenOption(), e.rationale());
        }
    }
}
