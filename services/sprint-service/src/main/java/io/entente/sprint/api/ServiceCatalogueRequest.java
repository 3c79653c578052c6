package io.entente.sprint.api;

import io.entente.sprint.domain.AlliancePhase;
import io.entente.sprint.domain.AllianceService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The whole catalogue: every (service, tier, phase) an alliance receives; what is left out is not delivered. */
public record ServiceCatalogueRequest(@NotEmpty @Size(max = 300) List<@NotNull @Valid Entry> entries) {

    /** @param performedBy {@code MANAGER} or a team discipline, e.g. {@code ALLIANCE_HEALTH} */
    public record Entry(@NotNull AllianceService service,
                        @NotNull @Min(1) @Max(3) Integer tier,
                        @NotNull AlliancePhase phase,
                        @NotNull @Min(0) @Max(365) Integer timesPerYear,
                        @NotNull @DecimalMin("0.0") @DecimalMax("1000.0") Double hoursEach,
                        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z][A-Z_]*") String performedBy) {
    }
}
