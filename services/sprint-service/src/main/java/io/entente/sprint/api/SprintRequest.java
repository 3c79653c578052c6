package io.entente.sprint.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** A sprint to plan for a team. */
public record SprintRequest(
        @NotNull UUID teamId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String goal,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate) {
}
