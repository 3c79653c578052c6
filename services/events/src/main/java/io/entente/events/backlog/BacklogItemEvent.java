package io.entente.events.backlog;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.LocalDate;
import java.util.List;

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
     * @param dependsOn the ids of the items that must be done first; null in events written before it was added
     *                  (unknown, not "none")
     */
    record BacklogItemCreated(String itemId, String allianceId, String title, String description,
                              String discipline, String type, Integer estimate, LocalDate dueDate, String status,
                              String rank, String sourceRef, List<String> dependsOn) implements BacklogItemEvent {

        /** Without dependencies known: the form of the event before they travelled with it. */
        public BacklogItemCreated(String itemId, String allianceId, String title, String description,
                                  String discipline, String type, Integer estimate, LocalDate dueDate, String status,
                                  String rank, String sourceRef) {
            this(itemId, allianceId, title, description, discipline, type, estimate, dueDate, status, rank,
                    sourceRef, null);
        }
    }

    /**
     * The item's state after the change; consumers overwrite their copy with it.
     *
     * @param dependsOn as on {@link BacklogItemCreated}: null in older events, where a consumer keeps what it knew
     */
    record BacklogItemUpdated(String itemId, String allianceId, String title, String description, String discipline,
                              String type, Integer estimate, LocalDate dueDate, String status, String sourceRef,
                              List<String> dependsOn)
            implements BacklogItemEvent {

        /** Without dependencies known: the form of the event before they travelled with it. */
        public BacklogItemUpdated(String itemId, String allianceId, String title, String description,
                                  String discipline, String type, Integer estimate, LocalDate dueDate, String status,
                                  String sourceRef) {
            this(itemId, allianceId, title, description, discipline, type, estimate, dueDate, status, sourceRef,
                    null);
        }
    }

    record BacklogItemRanked(String itemId, String allianceId, String rank) implements BacklogItemEvent {
    }

    record BacklogItemDropped(String itemId, String allianceId, String reason) implements BacklogItemEvent {
    }
}
