package io.entente.sprint.api;

import io.entente.sprint.domain.BacklogItemCopy;

import java.time.LocalDate;
import java.util.UUID;

/** A backlog item as the sprint service knows it: something a team can pull into a sprint. */
public record SprintCandidateView(UUID itemId, String allianceId, String title, String discipline, String type,
                                  Integer estimate, LocalDate dueDate, String status, String rank) {

    public static SprintCandidateView of(BacklogItemCopy copy) {
        return new SprintCandidateView(copy.itemId, copy.allianceId, copy.title, copy.discipline, copy.type,
                copy.estimate, copy.dueDate, copy.status, copy.rank);
    }
}
