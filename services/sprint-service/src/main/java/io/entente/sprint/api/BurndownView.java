package io.entente.sprint.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Remaining points per day of a sprint, for a chart.
 *
 * @param days one entry per calendar day; {@code remainingPoints} is null for days that have not ended
 */
public record BurndownView(UUID sprintId, LocalDate startDate, LocalDate endDate, int scopeAtStart,
                           int remainingPoints, List<Day> days) {

    public record Day(LocalDate date, Integer remainingPoints, double idealPoints) {
    }
}
