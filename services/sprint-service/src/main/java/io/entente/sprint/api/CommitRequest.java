package io.entente.sprint.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Pull a backlog item into a sprint.
 *
 * @param overrideCapacity commit even when the sprint goes over capacity; needs a reason and is audited
 * @param assignee         a member of the team who takes the card; null leaves it unassigned
 */
public record CommitRequest(@NotNull UUID itemId, Boolean overrideCapacity, @Size(max = 500) String reason,
                            @Size(max = 128) String assignee) {
}
