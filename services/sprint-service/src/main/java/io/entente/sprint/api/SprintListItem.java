package io.entente.sprint.api;

import io.entente.sprint.domain.SprintState;

import java.time.LocalDate;
import java.util.UUID;

/** A sprint in a list: committed and completed points without the per-alliance breakdown. */
public record SprintListItem(UUID id, UUID teamId, String teamName, String name, String goal, LocalDate startDate,
                             LocalDate endDate, SprintState state, int capacityPoints, int committedPoints,
                             int completedPoints, long version) {
}
