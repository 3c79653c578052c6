package io.entente.backlog.messaging;

import io.entente.backlog.service.SprintBoardMirror;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The sprint board's moves, mirrored onto the backlog items they concern. */
@ApplicationScoped
public class SprintEventsHandler implements EventHandler {

    private final SprintBoardMirror mirror;

    public SprintEventsHandler(SprintBoardMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(ItemCommittedToSprint.class, ItemRemovedFromSprint.class, BoardItemMoved.class,
                SprintClosed.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof ItemCommittedToSprint committed) {
            mirror.committed(committed);
        } else if (event instanceof ItemRemovedFromSprint removed) {
            mirror.removed(removed);
        } else if (event instanceof BoardItemMoved moved) {
            mirror.moved(moved, envelope.time().toInstant());
        } else if (event instanceof SprintClosed closed) {
            mirror.closed(closed);
        }
    }
}
