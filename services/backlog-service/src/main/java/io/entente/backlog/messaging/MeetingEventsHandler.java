package io.entente.backlog.messaging;

import io.entente.backlog.service.ActionItemFollowUp;
import io.entente.backlog.service.PulseConcernFollowUp;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.governance.MeetingEvent.ActionItemReportedDone;
import io.entente.events.governance.MeetingEvent.PulseConcernRaised;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A committee meeting's action items become backlog items, and close when their owners report them done; a concern
 * from the meeting's pulse survey becomes an item for the alliance-health team.
 */
@ApplicationScoped
public class MeetingEventsHandler implements EventHandler {

    private final ActionItemFollowUp followUp;
    private final PulseConcernFollowUp pulse;

    public MeetingEventsHandler(ActionItemFollowUp followUp, PulseConcernFollowUp pulse) {
        this.followUp = followUp;
        this.pulse = pulse;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(ActionItemRaised.class, ActionItemReportedDone.class, PulseConcernRaised.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof ActionItemReportedDone reported) {
            followUp.close(reported);
        } else if (event instanceof PulseConcernRaised concern) {
            pulse.plan(concern);
        } else {
            followUp.plan((ActionItemRaised) event);
        }
    }
}
