package io.entente.sprint.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** The whole capacity plan of a sprint: every member who works in it, with planned absence. */
public record CapacityRequest(@NotEmpty @Size(max = 30) List<@NotNull @Valid MemberCapacity> members) {

    /**
     * @param pointsPerDay null keeps the member's team default
     */
    public record MemberCapacity(
            @NotBlank @Size(max = 128) String userId,
            @NotNull @Min(0) @Max(60) Integer absenceDays,
            @DecimalMin("0.0") @DecimalMax("5.0") @Digits(integer = 1, fraction = 2) BigDecimal pointsPerDay) {
    }
}
