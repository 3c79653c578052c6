package io.entente.decision.messaging;

import io.entente.decision.service.PrepTracking;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Follows decision prep items through the backlog and the sprint boards. */
@ApplicationScoped
public class PrepProgressHandler implements EventHandler {

    private final PrepTracking prep;

    public PrepProgressHandler(PrepTracking prep) {
        this.prep = prep;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(BacklogItemCreated.class, BacklogItemUpdated.class, BacklogItemDropped.class,
                ItemCommittedToSprint.class, ItemRemovedFromSprint.class, BoardItemMoved.class, SprintClosed.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof BacklogItemCreated c) {
            prep.backlogItem(c.itemId(), c.allianceId(), c.title(), c.status(), c.sourceRef());
        } else if (event instanceof BacklogItemUpdated u) {
            prep.backlogItem(u.itemId(), u.allianceId(), u.title(), u.status(), u.sourceRef());
        } else if (event instanceof BacklogItemDropped d) {
            prep.dropped(d.itemId());
        } else if (event instanceof ItemCommittedToSprint c) {
            prep.committed(c.itemId(), c.sprintId());
        } else if (event instanceof ItemRemovedFromSprint r) {
            prep.removed(r.itemId(), r.sprintId());
        } else if (event instanceof BoardItemMoved m) {
            prep.moved(m.itemId(), m.sprintId(), m.toColumn());
        } else if (event instanceof SprintClosed closed) {
            prep.sprintClosed(closed.sprintId(), closed.carriedOver());
        }
    }
}
