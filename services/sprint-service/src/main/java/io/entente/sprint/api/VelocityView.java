package io.entente.sprint.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a team completed in its last closed sprints, oldest first. */
public record VelocityView(UUID teamId, String teamName, List<SprintVelocity> sprints, double averageCompleted) {

    public record SprintVelocity(UUID sprintId, String name, LocalDate startDate, LocalDate endDate,
                                 int capacityPoints, int committedPoints, int completedPoints) {
    }
}
