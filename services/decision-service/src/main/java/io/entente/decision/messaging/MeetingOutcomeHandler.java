package io.entente.decision.messaging;

import io.entente.decision.api.MeetingOutcome;
import io.entente.decision.service.DecisionLifecycle;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.governance.MeetingEvent.DecisionRecorded;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A decision recorded in meeting minutes closes the decision here. */
@ApplicationScoped
public class MeetingOutcomeHandler implements EventHandler {

    private final DecisionLifecycle decisions;

    public MeetingOutcomeHandler(DecisionLifecycle decisions) {
        this.decisions = decisions;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(DecisionRecorded.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof DecisionRecorded recorded) {
            decisions.recordMeetingOutcome(new MeetingOutcome(recorded.decisionId(), recorded.allianceId(),
                    recorded.meetingId(), recorded.chosenOption(), recorded.rationale(), recorded.recordedBy(),
                    recorded.recordedAt()));
        }
    }
}
