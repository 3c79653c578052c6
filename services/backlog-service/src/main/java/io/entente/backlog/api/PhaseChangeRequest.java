package io.entente.backlog.api;

import io.entente.backlog.domain.AlliancePhase;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PhaseChangeRequest(@NotNull AlliancePhase phase, @Size(max = 500) String reason) {
}
