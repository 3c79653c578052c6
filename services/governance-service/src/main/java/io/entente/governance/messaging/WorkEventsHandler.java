package io.entente.governance.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.events.sprint.SprintEvent.SprintPlanned;
import io.entente.events.sprint.SprintEvent.SprintStarted;
import io.entente.governance.service.WorkReadModel;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Keeps the copies of backlog items and sprints that the packet's progress section reads, and closes an action
 * item when the backlog item made from it is done or dropped.
 */
@ApplicationScoped
public class WorkEventsHandler implements EventHandler {

    private final WorkReadModel work;

    public WorkEventsHandler(WorkReadModel work) {
        this.work = work;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(BacklogItemCreated.class, BacklogItemUpdated.class, BacklogItemDropped.class,
                SprintPlanned.class, SprintStarted.class, ItemCommittedToSprint.class, ItemRemovedFromSprint.class,
                BoardItemMoved.class, SprintClosed.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof BacklogItemCreated e) {
            work.backlogItemCreated(e);
        } else if (event instanceof BacklogItemUpdated e) {
            work.backlogItemUpdated(e);
        } else if (event instanceof BacklogItemDropped e) {
            work.backlogItemDropped(e);
        } else if (event instanceof SprintPlanned e) {
            work.sprintPlanned(e);
        } else if (event instanceof SprintStarted e) {
            work.sprintStarted(e);
        } else if (event instanceof SprintClosed e) {
            work.sprintClosed(e);
        } else if (event instanceof ItemCommittedToSprint e) {
            work.itemCommittedToSprint(e);
        } else if (event instanceof ItemRemovedFromSprint e) {
            work.itemRemovedFromSprint(e);
        } else if (event instanceof BoardItemMoved e) {
            work.boardItemMoved(e);
        }
    }
}
