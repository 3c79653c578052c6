package io.entente.backlog.messaging;

import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.rest.BacklogItemView;
import io.entente.backlog.service.ItemWriter;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.CarriedItem;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Mirrors the sprint board onto the backlog: an item shows whether it is in a sprint and when it was done. Each
 * change is recorded as BacklogItemUpdated (decision-service tracks prep progress from it).
 */
@ApplicationScoped
public class SprintEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(SprintEventsHandler.class);
    static final String DONE_COLUMN = "DONE";

    private final ItemWriter writer;

    public SprintEventsHandler(ItemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(ItemCommittedToSprint.class, ItemRemovedFromSprint.class, BoardItemMoved.class,
                SprintClosed.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof ItemCommittedToSprint committed) {
            apply(committed.itemId(), ItemStatus.IN_SPRINT, committed.sprintId(), null);
        } else if (event instanceof ItemRemovedFromSprint removed) {
            apply(removed.itemId(), ItemStatus.READY, null, null);
        } else if (event instanceof BoardItemMoved moved) {
            boolean toDone = DONE_COLUMN.equals(moved.toColumn());
            boolean fromDone = DONE_COLUMN.equals(moved.fromColumn());
            if (toDone) {
                apply(moved.itemId(), ItemStatus.DONE, moved.sprintId(),
                        moved.movedAt() != null ? moved.movedAt() : envelope.time().toInstant());
            } else if (fromDone) {
                apply(moved.itemId(), ItemStatus.IN_SPRINT, moved.sprintId(), null);
            }
        } else if (event instanceof SprintClosed closed && closed.carriedOver() != null) {
            for (CarriedItem carried : closed.carriedOver()) {
                if ("BACKLOG".equals(carried.disposition())) {
                    apply(carried.itemId(), ItemStatus.READY, null, null);
                } else if ("NEXT_SPRINT".equals(carried.disposition()) && carried.nextSprintId() != null) {
                    apply(carried.itemId(), ItemStatus.IN_SPRINT, carried.nextSprintId(), null);
                }
            }
        }
    }

    private void apply(String itemId, ItemStatus status, String sprintId, Instant doneAt) {
        BacklogItem item = find(itemId);
        if (item == null) {
            LOG.debugf("sprint event for unknown backlog item %s ignored", itemId);
            return;
        }
        if (item.status == ItemStatus.DROPPED) {
            LOG.infof("sprint event for dropped backlog item %s ignored", itemId);
            return;
        }
        if (item.status == status && Objects.equals(item.sprintId, sprintId) && Objects.equals(item.doneAt, doneAt)) {
            return;
        }
        BacklogItemView before = writer.view(item);
        item.status = status;
        item.sprintId = sprintId;
        item.doneAt = doneAt;
        writer.recordUpdated(item, before);
    }

    private static BacklogItem find(String itemId) {
        try {
            return BacklogItem.findById(UUID.fromString(itemId));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
