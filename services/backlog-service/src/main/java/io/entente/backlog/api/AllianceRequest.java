package io.entente.backlog.api;

import io.entente.backlog.domain.AlliancePhase;
import io.entente.backlog.domain.AllianceType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Registers an alliance in the portfolio. {@code phase} is where it stands today (an existing alliance may join in
 * EXECUTION). {@code riskThreshold} defaults to 12.
 */
public record AllianceRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "must be an alliance key like ONC-HELIX")
        String key,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 120) String partner,
        @NotNull AllianceType type,
        @NotNull @Min(1) @Max(3) Integer tier,
        @NotNull AlliancePhase phase,
        @NotNull @Min(1) @Max(5) Integer valueScore,
        @NotNull @Min(1) @Max(5) Integer complexityScore,
        @NotBlank @Size(max = 128) String allianceManager,
        LocalDate startDate,
        @Min(1) @Max(25) Integer riskThreshold) {
}
