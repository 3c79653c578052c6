package io.entente.governance.api;

import io.entente.governance.domain.Cadence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The whole changeable state of a body; its alliance and type are fixed at creation. */
public record BodyUpdateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(50) Integer quorum,
        @NotNull Cadence cadence,
        @Size(max = 4000) String decisionRights,
        @NotNull @Size(max = 40) List<@NotNull @Valid MemberRequest> members) {
}
