package io.entente.sprint.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemRanked;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.platform.messaging.EventHandler;
import io.entente.sprint.service.BacklogReadModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Backlog-item events into the sprint service's copy of the backlog. */
@ApplicationScoped
public class BacklogItemEventsHandler implements EventHandler {

    private final BacklogReadModel backlog;

    public BacklogItemEventsHandler(BacklogReadModel backlog) {
        this.backlog = backlog;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(BacklogItemCreated.class, BacklogItemUpdated.class, BacklogItemRanked.class,
                BacklogItemDropped.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof BacklogItemCreated created) {
            backlog.created(created);
        } else if (event instanceof BacklogItemUpdated updated) {
            backlog.updated(updated);
        } else if (event instanceof BacklogItemRanked ranked) {
            backlog.ranked(ranked);
        } else if (event instanceof BacklogItemDropped dropped) {
            backlog.dropped(dropped);
        }
    }
}
