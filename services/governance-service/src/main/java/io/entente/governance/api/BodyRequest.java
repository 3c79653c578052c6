package io.entente.governance.api;

import io.entente.governance.domain.BodyType;
import io.entente.governance.domain.Cadence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new governance body. Without a cadence the body gets the default for the alliance's tier (tier 1: quarterly JSC,
 * monthly JDC). The name defaults to the committee's full name.
 */
public record BodyRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "must be an alliance key like ONC-HELIX")
        String allianceId,
        @NotNull BodyType type,
        @Size(max = 200) String name,
        @NotNull @Min(1) @Max(50) Integer quorum,
        Cadence cadence,
        @Size(max = 4000) String decisionRights,
        @NotNull @Size(max = 40) List<@NotNull @Valid MemberRequest> members) {
}
