package io.entente.backlog.api;

import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a client may set on a new backlog item; ids, rank, status, versions and audit fields are the server's. A new
 * item goes to the bottom of the backlog; move it with {@code POST /api/backlog-items/{id}/rank}.
 */
public record BacklogItemRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "must be an alliance key like ONC-HELIX")
        String allianceId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull Discipline discipline,
        @NotNull ItemType type,
        @Min(0) @Max(100) Integer estimate,
        @Size(max = 120) String beneficiary,
        @Min(1) @Max(10) Integer stakeholderValue,
        @Size(max = 128) String owner,
        LocalDate dueDate,
        @Size(max = 50) List<@NotNull UUID> dependsOn) {
}
