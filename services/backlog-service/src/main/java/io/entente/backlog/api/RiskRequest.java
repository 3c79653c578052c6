package io.entente.backlog.api;

import io.entente.backlog.domain.RiskCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Raises a risk in an alliance's register; the score is likelihood x impact. */
public record RiskRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "must be an alliance key like ONC-HELIX")
        String allianceId,
        @NotBlank @Size(max = 200) String title,
        @NotNull RiskCategory category,
        @NotNull @Min(1) @Max(5) Integer likelihood,
        @NotNull @Min(1) @Max(5) Integer impact,
        @NotBlank @Size(max = 128) String owner,
        @Size(max = 4000) String mitigation,
        LocalDate nextReviewDate) {
}
