package io.entente.backlog.api;

import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;

import java.time.LocalDate;

/** Everything needed to add an item, whoever adds it (a user, a playbook, a risk, an obligation, an event). */
public record NewItem(String allianceId, String title, String description, Discipline discipline, ItemType type,
                      Integer estimate, String beneficiary, Integer stakeholderValue, String owner,
                      LocalDate dueDate, String sourceRef) {

    public static NewItem of(String allianceId, String title, String description, Discipline discipline,
                             ItemType type, Integer estimate, String owner, LocalDate dueDate, String sourceRef) {
        return new NewItem(allianceId, title, description, discipline, type, estimate, null, null, owner, dueDate,
                sourceRef);
    }
}
