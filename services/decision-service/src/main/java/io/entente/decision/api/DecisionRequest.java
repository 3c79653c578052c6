package io.entente.decision.api;

import io.entente.decision.domain.GovernanceBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * What a client may set on a decision; status, risk, outcome and links are the server's.
 *
 * @param draft true keeps the decision a draft (no event, no prep items); otherwise it opens at once
 */
public record DecisionRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "must be an alliance key like ONC-HELIX")
        String allianceId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String question,
        @Size(max = 8000) String context,
        @Size(max = 10) List<@Valid @NotNull OptionRequest> options,
        @NotNull GovernanceBody governanceBody,
        @NotNull LocalDate dueDate,
        @NotNull @Min(0) @Max(365) Integer leadTimeDays,
        @NotBlank @Size(max = 128) String driver,
        @NotBlank @Size(max = 128) String approver,
        @Size(max = 50) List<@NotBlank @Size(max = 128) String> contributors,
        @Size(max = 200) List<@NotBlank @Size(max = 128) String> informed,
        @Size(max = 8000) String internalNotes,
        Boolean draft) {
}
