package io.entente.sprint.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemRanked;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.platform.messaging.EventHandler;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.service.BoardService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link BacklogItemCopy} in step with the backlog service. A dropped item also leaves the open board it sits
 * on, so that boards never carry work the backlog gave up.
 */
@ApplicationScoped
public class BacklogItemEventsHandler implements EventHandler {

    private final BoardService board;

    public BacklogItemEventsHandler(BoardService board) {
        this.board = board;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(BacklogItemCreated.class, BacklogItemUpdated.class, BacklogItemRanked.class,
                BacklogItemDropped.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof BacklogItemCreated created) {
            BacklogItemCopy copy = find(created.itemId());
            if (copy == null) {
                copy = new BacklogItemCopy();
                copy.itemId = UUID.fromString(created.itemId());
            }
            copy.allianceId = created.allianceId();
            copy.title = created.title();
            copy.discipline = created.discipline();
            copy.type = created.type();
            copy.estimate = created.estimate();
            copy.dueDate = created.dueDate();
            copy.status = created.status();
            copy.rank = created.rank();
            touch(copy);
        } else if (event instanceof BacklogItemUpdated updated) {
            BacklogItemCopy copy = find(updated.itemId());
            if (copy != null) {
                copy.title = updated.title();
                copy.discipline = updated.discipline();
                copy.type = updated.type();
                copy.estimate = updated.estimate();
                copy.dueDate = updated.dueDate();
                copy.status = updated.status();
                touch(copy);
            }
        } else if (event instanceof BacklogItemRanked ranked) {
            BacklogItemCopy copy = find(ranked.itemId());
            if (copy != null) {
                copy.rank = ranked.rank();
                touch(copy);
            }
        } else if (event instanceof BacklogItemDropped dropped) {
            BacklogItemCopy copy = find(dropped.itemId());
            if (copy != null) {
                copy.dropped = true;
                touch(copy);
                board.dropFromOpenBoard(copy.itemId, dropped.reason());
            }
        }
    }

    private static BacklogItemCopy find(String itemId) {
        return BacklogItemCopy.findById(UUID.fromString(itemId));
    }

    private static void touch(BacklogItemCopy copy) {
        copy.updatedAt = Instant.now();
        copy.persist();
    }
}
