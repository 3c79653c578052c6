package io.entente.backlog.messaging;

import io.entente.backlog.service.ActionItemFollowUp;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.governance.MeetingEvent.ActionItemReportedDone;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A committee meeting's action items become backlog items, and close when their owners report them done. */
@ApplicationScoped
public class MeetingEventsHandler implements EventHandler {

    private final ActionItemFollowUp followUp;

    public MeetingEventsHandler(ActionItemFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(ActionItemRaised.class, ActionItemReportedDone.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof ActionItemReportedDone reported) {
            followUp.close(reported);
        } else {
            followUp.plan((ActionItemRaised) event);
        }
    }
}
