package io.entente.sprint.api;

import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.SprintState;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A sprint's board in one answer: columns with their WIP limits, swimlanes of cards, and the planning totals. */
public record BoardView(Header sprint, String swimlanes, List<Column> columns, List<Lane> lanes,
                        PlanningSummary planning) {

    public record Header(UUID id, UUID teamId, String teamName, String name, String goal, LocalDate startDate,
                         LocalDate endDate, SprintState state, long version) {
    }

    /** @param atLimit true when one more card would break the WIP limit */
    public record Column(BoardColumn column, Integer wipLimit, int count, int points, boolean atLimit) {
    }

    /**
     * @param key      the alliance key or assignee id; {@code restricted} for the lane of alliances the reader may
     *                 not see, {@code unassigned} for cards nobody holds
     * @param columns  the lane's cards per column, in board order
     */
    public record Lane(String key, String title, boolean restricted, int count, int points,
                       Map<BoardColumn, List<CardView>> columns) {
    }
}
