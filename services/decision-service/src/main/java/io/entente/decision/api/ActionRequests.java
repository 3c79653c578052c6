package io.entente.decision.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Bodies of the status changes; each names what the change needs and nothing else. */
public final class ActionRequests {

    private ActionRequests() {
    }

    public record Propose(@NotBlank @Size(max = 40) String proposedOption, @Size(max = 2000) String summary) {
    }

    public record Decide(@NotBlank @Size(max = 40) String chosenOption, @NotBlank @Size(max = 8000) String rationale) {
    }

    public record Defer(@NotNull LocalDate newDueDate, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Withdraw(@NotBlank @Size(max = 2000) String reason) {
    }
}
