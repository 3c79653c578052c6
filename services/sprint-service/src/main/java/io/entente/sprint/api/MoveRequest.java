package io.entente.sprint.api;

import io.entente.sprint.domain.BoardColumn;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A card's place on the board: its column and who works on it.
 *
 * @param assignee a member of the team, or null for unassigned
 */
public record MoveRequest(@NotNull BoardColumn column, @Size(max = 128) String assignee) {
}
