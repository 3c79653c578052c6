package io.entente.backlog.api;

import io.entente.backlog.domain.ObligationKind;
import io.entente.backlog.domain.OwedBy;
import io.entente.backlog.domain.Recurrence;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * An obligation from a contract clause. Its backlog item is created when the preparation window opens, at
 * {@code dueDate - leadTimeDays}. {@code recurrence} defaults to NONE; a recurring one rolls to its next due date
 * when met.
 */
public record ObligationRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "must be an alliance key like ONC-HELIX")
        String allianceId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 64) String clauseRef,
        @NotNull ObligationKind kind,
        @NotNull OwedBy owedBy,
        @NotNull LocalDate dueDate,
        Recurrence recurrence,
        @NotNull @Min(0) @Max(365) Integer leadTimeDays) {
}
