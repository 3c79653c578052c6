package io.entente.sprint.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An alliance manager's hours a month for alliance work (a full-time manager: about 120). */
public record ManagerCapacityRequest(@NotNull @Min(0) @Max(250) Integer hoursPerMonth) {
}
