package io.entente.backlog.api;

import io.entente.backlog.domain.AllianceType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The alliance's descriptive fields; the key never changes and the phase has its own command. */
public record AllianceUpdateRequest(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 120) String partner,
        @NotNull AllianceType type,
        @NotNull @Min(1) @Max(3) Integer tier,
        @NotNull @Min(1) @Max(5) Integer valueScore,
        @NotNull @Min(1) @Max(5) Integer complexityScore,
        @NotBlank @Size(max = 128) String allianceManager,
        LocalDate startDate,
        @NotNull @Min(1) @Max(25) Integer riskThreshold) {
}
