package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.ItemStatus;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.CarriedItem;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Mirrors the sprint board onto the backlog: an item shows whether it is in a sprint and when it was done. Each
 * change is recorded as BacklogItemUpdated (decision-service tracks prep progress from it).
 */
@ApplicationScoped
@Transactional
public class SprintBoardMirror {

    private static final Logger LOG = Logger.getLogger(SprintBoardMirror.class);
    static final String DONE_COLUMN = "DONE";

    private final ItemWriter writer;

    public SprintBoardMirror(ItemWriter writer) {
        this.writer = writer;
    }

    public void committed(ItemCommittedToSprint committed) {
        follow(committed.itemId(), ItemStatus.IN_SPRINT, committed.sprintId(), null);
    }

    public void removed(ItemRemovedFromSprint removed) {
        follow(removed.itemId(), ItemStatus.READY, null, null);
    }

    /** Into the DONE column the item is done (when the board says, else when the event was sent); out of it, not. */
    public void moved(BoardItemMoved moved, Instant sentAt) {
        if (DONE_COLUMN.equals(moved.toColumn())) {
            follow(moved.itemId(), ItemStatus.DONE, moved.sprintId(),
                    moved.movedAt() != null ? moved.movedAt() : sentAt);
        } else if (DONE_COLUMN.equals(moved.fromColumn())) {
            follow(moved.itemId(), ItemStatus.IN_SPRINT, moved.sprintId(), null);
        }
    }

    /** Unfinished items go back to the backlog or on into the next sprint. */
    public void closed(SprintClosed closed) {
        if (closed.carriedOver() == null) {
            return;
        }
        for (CarriedItem carried : closed.carriedOver()) {
            if ("BACKLOG".equals(carried.disposition())) {
                follow(carried.itemId(), ItemStatus.READY, null, null);
            } else if ("NEXT_SPRINT".equals(carried.disposition()) && carried.nextSprintId() != null) {
                follow(carried.itemId(), ItemStatus.IN_SPRINT, carried.nextSprintId(), null);
            }
        }
    }

    private void follow(String itemId, ItemStatus status, String sprintId, Instant doneAt) {
        BacklogItem item = find(itemId);
        if (item == null) {
            LOG.debugf("sprint event for unknown backlog item %s ignored", itemId);
            return;
        }
        if (item.status == ItemStatus.DROPPED) {
            LOG.infof("sprint event for dropped backlog item %s ignored", itemId);
            return;
        }
        BacklogItemView before = writer.view(item);
        if (item.followSprint(status, sprintId, doneAt)) {
            writer.recordUpdated(item, before);
        }
    }

    private static BacklogItem find(String itemId) {
        try {
            return BacklogItem.findById(UUID.fromString(itemId));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
