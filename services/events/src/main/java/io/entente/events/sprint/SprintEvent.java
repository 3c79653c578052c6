package io.entente.events.sprint;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What happens to a sprint and the items on its board. Aggregate id = sprint id, so the order of one sprint's
 * events is kept. A sprint spans alliances: sprint-level events carry no alliance id (null), item-level ones carry
 * the item's alliance.
 */
@Aggregate("sprint")
public sealed interface SprintEvent extends DomainEvent
        permits SprintEvent.SprintPlanned, SprintEvent.SprintStarted, SprintEvent.ItemCommittedToSprint,
        SprintEvent.ItemRemovedFromSprint, SprintEvent.BoardItemMoved, SprintEvent.SprintClosed,
        SprintEvent.SprintCapacityChanged, SprintEvent.BoardItemAssigned {

    String sprintId();

    @Override
    default String aggregateId() {
        return sprintId();
    }

    /**
     * @param crew user ids of the team members planned to work in the sprint (its capacity plan); absent (null) in
     *             events written before it was added
     */
    record SprintPlanned(String sprintId, String teamId, String teamName, String name, String goal,
                         LocalDate startDate, LocalDate endDate, int capacityPoints, List<String> crew)
            implements SprintEvent {
        @Override
        public String allianceId() {
            return null;
        }
    }

    record SprintStarted(String sprintId, String teamId, Instant startedAt) implements SprintEvent {
        @Override
        public String allianceId() {
            return null;
        }
    }

    record ItemCommittedToSprint(String sprintId, String itemId, String allianceId, Integer estimate,
                                 boolean overCapacityOverride) implements SprintEvent {
    }

    record ItemRemovedFromSprint(String sprintId, String itemId, String allianceId, String reason)
            implements SprintEvent {
    }

    /** Columns: {@code TODO}, {@code IN_PROGRESS}, {@code IN_REVIEW}, {@code DONE}. */
    record BoardItemMoved(String sprintId, String itemId, String allianceId, String fromColumn, String toColumn,
                          String assignee, Instant movedAt) implements SprintEvent {
    }

    /**
     * @param carriedOver unfinished items and where they went: {@code BACKLOG} or {@code NEXT_SPRINT}
     */
    record SprintClosed(String sprintId, String teamId, int committedPoints, int completedPoints,
                        List<CarriedItem> carriedOver, Instant closedAt) implements SprintEvent {
        @Override
        public String allianceId() {
            return null;
        }
    }

    record CarriedItem(String itemId, String allianceId, String disposition, String nextSprintId) {
    }

    /**
     * The team's capacity for the sprint changed (absence, allocation, members); the sum of member capacities.
     *
     * @param crew user ids of the members now planned to work in the sprint; null in events written before it was added
     */
    record SprintCapacityChanged(String sprintId, String teamId, int capacityPoints, List<String> crew)
            implements SprintEvent {
        @Override
        public String allianceId() {
            return null;
        }
    }

    /** An item changed hands without changing column ({@link BoardItemMoved} carries the assignee on a move). */
    record BoardItemAssigned(String sprintId, String itemId, String allianceId, String assignee)
            implements SprintEvent {
    }
}
