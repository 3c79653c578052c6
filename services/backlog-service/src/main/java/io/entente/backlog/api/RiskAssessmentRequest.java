package io.entente.backlog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A re-rating at a risk review; {@code nextReviewDate} left out keeps the current one. */
public record RiskAssessmentRequest(@NotNull @Min(1) @Max(5) Integer likelihood,
                                    @NotNull @Min(1) @Max(5) Integer impact,
                                    LocalDate nextReviewDate) {
}
