package io.entente.decision.api;

import io.entente.decision.domain.GovernanceBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The ladder from the alliance's governance charter, lowest body first, each with its time limit in days. */
public record LadderRequest(@NotEmpty @Size(max = 5) List<@Valid @NotNull Step> steps) {

    public record Step(@NotNull GovernanceBody body, @NotNull @Min(1) @Max(180) Integer days) {
    }
}
