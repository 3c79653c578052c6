package io.entente.governance.api;

import io.entente.governance.domain.Purpose;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One agenda line. Keep {@code id} when editing a drafted item so outcomes and packet comparisons still refer to
 * it; new lines get an id. {@code internalNote} is never shown to the partner.
 */
public record AgendaItemRequest(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only") String id,
        @NotBlank @Size(max = 100) String section,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 120) String presenter,
        @NotNull @Min(1) @Max(240) Integer durationMinutes,
        @NotNull Purpose purpose,
        @Size(max = 64) String decisionId,
        @Size(max = 64) String backlogItemId,
        @Size(max = 4000) String internalNote) {
}
