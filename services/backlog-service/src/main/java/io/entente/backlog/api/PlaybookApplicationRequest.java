package io.entente.backlog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * @param playbook   the playbook's id or key (e.g. {@code jsc-preparation})
 * @param anchorDate the date the task offsets count from (e.g. the meeting date)
 */
public record PlaybookApplicationRequest(@NotBlank @Size(max = 64) String playbook, @NotNull LocalDate anchorDate) {
}
