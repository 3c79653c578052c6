package io.entente.events.backlog;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.LocalDate;

/** What happens to a backlog item. Aggregate id = item id (a UUID). */
@Aggregate("backlog-item")
public sealed interface BacklogItemEvent extends DomainEvent
        permits BacklogItemEvent.BacklogItemCreated, BacklogItemEvent.BacklogItemUpdated,
        BacklogItemEvent.BacklogItemRanked, BacklogItemEvent.BacklogItemDropped {

    String itemId();

    @Override
    default String aggregateId() {
        return itemId();
    }

    /**
     * @param sourceRef what raised the item, when not a person: {@code decision:<id>}, {@code action-item:<id>},
     *                  {@code risk:<id>}, {@code obligation:<id>}, {@code playbook:<id>}; null otherwise
     */
    record BacklogItemCreated(String itemId, String allianceId, String title, String description,
                              String discipline, String type, Integer estimate, LocalDate dueDate, String status,
                              String rank, String sourceRef) implements BacklogItemEvent {
    }

    /** The item's state after the change; consumers overwrite their copy with it. */
    record BacklogItemUpdated(String itemId, String allianceId, String title, String description, String discipline,
                              String type, Integer estimate, LocalDate dueDate, String status, String sourceRef)
            implements BacklogItemEvent {
    }

    record BacklogItemRanked(String itemId, String allianceId, String rank) implements BacklogItemEvent {
    }

    record BacklogItemDropped(String itemId, String allianceId, String reason) implements BacklogItemEvent {
    }
}
