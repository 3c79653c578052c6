package io.entente.backlog.api;

import io.entente.backlog.domain.RiskCategory;
import io.entente.backlog.domain.RiskStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The risk's descriptive fields. Re-rating has its own command (assessment), closing too. */
public record RiskUpdateRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull RiskCategory category,
        @NotBlank @Size(max = 128) String owner,
        @Size(max = 4000) String mitigation,
        @NotNull RiskStatus status,
        LocalDate nextReviewDate) {
}
