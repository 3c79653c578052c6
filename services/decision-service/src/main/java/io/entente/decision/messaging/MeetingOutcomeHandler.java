package io.entente.decision.messaging;

import io.entente.decision.service.DecisionService;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.governance.MeetingEvent.DecisionRecorded;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A decision recorded in meeting minutes closes the decision here. */
@ApplicationScoped
public class MeetingOutcomeHandler implements EventHandler {

    private final DecisionService decisions;

    public MeetingOutcomeHandler(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(DecisionRecorded.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof DecisionRecorded recorded) {
            decisions.recordMeetingOutcome(recorded);
        }
    }
}
