package io.entente.backlog.messaging;

import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.service.ItemWriter;
import io.entente.backlog.service.NewItem;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;

/** A committee meeting's action items become backlog items, so follow-up is planned like any other work. */
@ApplicationScoped
public class MeetingEventsHandler implements EventHandler {

    private final ItemWriter writer;
    private final EntityManager em;

    public MeetingEventsHandler(ItemWriter writer, EntityManager em) {
        this.writer = writer;
        this.em = em;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(ActionItemRaised.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        ActionItemRaised raised = (ActionItemRaised) event;
        String sourceRef = "action-item:" + raised.actionItemId();
        Long existing = em.createQuery("select count(b) from BacklogItem b where b.sourceRef = :ref", Long.class)
                .setParameter("ref", sourceRef).getSingleResult();
        if (existing > 0) {
            return;
        }
        String title = raised.title() == null || raised.title().isBlank() ? "Action item" : raised.title().strip();
        if (title.length() > 200) {
            title = title.substring(0, 199) + "…";
        }
        String description = "Action item from meeting " + raised.meetingId()
                + (raised.owner() == null ? "" : ", owner " + raised.owner())
                + (raised.dueDate() == null ? "." : ", due " + raised.dueDate() + ".");
        writer.createAndRecord(NewItem.of(raised.allianceId(), title, description, Discipline.GOVERNANCE,
                ItemType.ACTION_ITEM, null, raised.owner(), raised.dueDate(), sourceRef));
    }
}
