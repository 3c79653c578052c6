package io.entente.sprint.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Disposition;

import java.time.LocalDate;

/**
 * A card on the board. For an item of an alliance the reader may not see, only {@code restricted: true}, an opaque
 * id (a per-board label, not the item id), the estimate, the column and the assignee: team totals stay right and
 * nothing of the other alliance leaks.
 *
 * @param version the card's ETag value, for If-Match when moving or removing it
 * @param disposition on a closed sprint, where an unfinished item went
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardView(String id, boolean restricted, String title, String allianceId, String allianceName,
                       String discipline, String type, Integer estimate, LocalDate dueDate, BoardColumn column,
                       String assignee, String assigneeName, Boolean overCapacityOverride, Disposition disposition,
                       Long version) {

    public static CardView restricted(String label, Integer estimate, BoardColumn column, String assignee,
                                      String assigneeName) {
        return new CardView(label, true, null, null, null, null, null, estimate, null, column, assignee, assigneeName,
                null, null, null);
    }
}
