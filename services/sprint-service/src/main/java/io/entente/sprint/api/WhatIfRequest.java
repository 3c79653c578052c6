package io.entente.sprint.api;

import io.entente.sprint.domain.AlliancePhase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * Changes to try on the live portfolio, applied in order, never saved.
 *
 * @param months the horizon, 1-12 (default 3)
 */
public record WhatIfRequest(@Min(1) @Max(12) Integer months,
                            @NotEmpty @Size(max = 50) List<@NotNull @Valid Change> changes) {

    public enum Kind { RETIER, MOVE, PHASE, ADD }

    /**
     * @param kind        RETIER (needs tier), MOVE (needs manager; blank for nobody), PHASE (needs phase), ADD (a
     *                    hypothetical alliance: tier and phase needed, manager, complexity, partner, teamIds optional)
     * @param allianceKey the alliance changed; for ADD an optional label (default {@code NEW-1}, {@code NEW-2}, ...)
     * @param teamIds     for ADD: the teams that would cover the new alliance
     */
    public record Change(@NotNull Kind kind,
                         @Size(max = 32) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*") String allianceKey,
                         @Min(1) @Max(3) Integer tier,
                         AlliancePhase phase,
                         @Size(max = 128) String manager,
                         @Min(1) @Max(5) Integer complexity,
                         @Size(max = 200) String name,
                         @Size(max = 200) String partner,
                         @Size(max = 20) List<@NotNull UUID> teamIds) {
    }
}
