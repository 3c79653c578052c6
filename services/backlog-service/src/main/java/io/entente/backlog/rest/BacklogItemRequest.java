package io.entente.backlog.rest;

import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What a client may set on a backlog item; ids, versions and audit fields are the server's. */
public record BacklogItemRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "must be an alliance key like ONC-HELIX")
        String allianceId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull Discipline discipline,
        @NotNull ItemType type,
        @Min(0) @Max(100) Integer estimate,
        LocalDate dueDate) {
}
