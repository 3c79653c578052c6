package io.entente.governance.api;

import io.entente.governance.domain.OutcomeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The outcome of one agenda item. INFORMATION_NOTED needs only notes; DECISION_MADE the chosen option (the agenda
 * item must name the decision); ACTION_ITEM a title, an owner and a due date.
 */
public record OutcomeRequest(
        @NotBlank @Size(max = 64) String agendaItemId,
        @NotNull OutcomeType type,
        @Size(max = 4000) String notes,
        @Size(max = 64) String chosenOption,
        @Size(max = 4000) String rationale,
        @Size(max = 300) String actionTitle,
        @Size(max = 128) String owner,
        LocalDate dueDate) {
}
