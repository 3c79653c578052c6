package io.entente.sprint.api;

import io.entente.sprint.domain.Disposition;
import io.entente.sprint.domain.SprintState;
import jakarta.validation.constraints.NotNull;

import java.util.Map;
import java.util.UUID;

/**
 * Start ({@code ACTIVE}) or close ({@code CLOSED}) a sprint. Closing says where unfinished items go.
 *
 * @param defaultDisposition when closing: where unfinished items go unless {@code dispositions} names them
 * @param nextSprintId       when closing: the team's planned sprint that receives NEXT_SPRINT items
 * @param dispositions       when closing: per unfinished item id, overriding the default
 */
public record StateChangeRequest(@NotNull SprintState state, Disposition defaultDisposition, UUID nextSprintId,
                                 Map<UUID, @NotNull Disposition> dispositions) {
}
