package io.entente.sprint.api;

import io.entente.sprint.domain.SprintState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A sprint with its capacity plan and what is committed against it. */
public record SprintView(UUID id, UUID teamId, String teamName, String name, String goal, LocalDate startDate,
                         LocalDate endDate, SprintState state, List<MemberCapacityView> capacity,
                         PlanningSummary planning, Instant startedAt, Instant closedAt, long version) {

    public record MemberCapacityView(String userId, String displayName, int workingDays, int absenceDays,
                                     BigDecimal pointsPerDay, int capacityPoints) {
    }
}
