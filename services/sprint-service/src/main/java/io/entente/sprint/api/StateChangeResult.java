package io.entente.sprint.api;

import io.entente.sprint.domain.Disposition;

import java.util.List;
import java.util.UUID;

/** The sprint after the change and, on closing, where its unfinished items went (velocity is in the planning). */
public record StateChangeResult(SprintView sprint, List<Carried> carriedOver) {

    /** @param itemId the item id, or an opaque label for an item the reader may not see */
    public record Carried(String itemId, boolean restricted, Integer estimate, Disposition disposition,
                          UUID nextSprintId) {
    }
}
