package io.entente.sprint.api;

import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.TeamRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A specialist team, as created or replaced.
 *
 * @param disciplines the kinds of backlog work it pulls (e.g. GOVERNANCE, CONTRACTS)
 * @param alliances   the alliance keys it covers
 * @param wipLimits   per column; a column without an entry is unlimited
 */
public record TeamRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,31}",
                message = "must be a discipline key such as GOVERNANCE") String> disciplines,
        @NotEmpty @Size(max = 40) List<@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}",
                message = "must be an alliance key such as ONC-HELIX") String> alliances,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Member> members,
        Map<BoardColumn, @NotNull @Min(1) @Max(200) Integer> wipLimits) {

    /**
     * @param pointsPerDay what the member delivers on a fully available day for this team (their allocation)
     */
    public record Member(
            @NotBlank @Size(max = 128) String userId,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull TeamRole role,
            @NotNull @DecimalMin("0.0") @DecimalMax("5.0") @Digits(integer = 1, fraction = 2) BigDecimal pointsPerDay) {
    }
}
