package io.entente.backlog.api;

import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The item's new state (PUT replaces what is listed here). {@code status} may only move between NEW and READY:
 * IN_SPRINT and DONE follow the sprint board, DROPPED has its own command. {@code status} and {@code dependsOn}
 * left out (null) keep their current values.
 */
public record BacklogItemUpdateRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull Discipline discipline,
        @NotNull ItemType type,
        @Min(0) @Max(100) Integer estimate,
        @Size(max = 120) String beneficiary,
        @Min(1) @Max(10) Integer stakeholderValue,
        @Size(max = 128) String owner,
        LocalDate dueDate,
        ItemStatus status,
        @Size(max = 50) List<@NotNull UUID> dependsOn) {
}
