package io.entente.backlog.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The item's new state: PUT replaces every field listed here, so each one must be in the body, null to clear it. A
 * body that leaves one out is refused (400 naming it) rather than read as "clear it": a client that knows fewer
 * fields than the item has (an older form, a script) would otherwise wipe the owner or the stakeholder value it
 * never showed. {@code status} may only move between NEW and READY: IN_SPRINT and DONE follow the sprint board,
 * DROPPED has its own command. {@code status} and {@code dependsOn} left out keep their current values.
 */
public record BacklogItemUpdateRequest(
        @NotBlank @Size(max = 200) String title,
        @JsonProperty(required = true) @Schema(required = true, nullable = true) @Size(max = 4000) String description,
        @NotNull Discipline discipline,
        @NotNull ItemType type,
        @JsonProperty(required = true) @Schema(required = true, nullable = true) @Min(0) @Max(100) Integer estimate,
        @JsonProperty(required = true) @Schema(required = true, nullable = true) @Size(max = 120) String beneficiary,
        @JsonProperty(required = true) @Schema(required = true, nullable = true) @Min(1) @Max(10)
        Integer stakeholderValue,
        @JsonProperty(required = true) @Schema(required = true, nullable = true) @Size(max = 128) String owner,
        @JsonProperty(required = true) @Schema(required = true, nullable = true) LocalDate dueDate,
        ItemStatus status,
        @Size(max = 50) List<@NotNull UUID> dependsOn) {
}
