package io.entente.notification.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.sprint.SprintEvent.BoardItemAssigned;
import io.entente.notification.service.EventNotifications;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Work that became someone's: a board card assigned, an action item raised with an owner. */
@ApplicationScoped
public class AssignmentEventsHandler implements EventHandler {

    private final EventNotifications notifications;

    public AssignmentEventsHandler(EventNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(BoardItemAssigned.class, ActionItemRaised.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof BoardItemAssigned e) {
            notifications.cardAssigned(envelope.id(), e.assignee(), e.allianceId(), e.itemId());
        } else if (event instanceof ActionItemRaised e) {
            notifications.actionItemRaised(envelope.id(), e.owner(), e.allianceId(), e.meetingId(), e.title(),
                    e.dueDate() == null ? null : e.dueDate().toString());
        }
    }
}
