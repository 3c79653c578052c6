package io.entente.backlog.api;

import io.entente.backlog.domain.BacklogItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A backlog item as clients see it. {@code sprintId} and {@code doneAt} come from the sprint service's events;
 * {@code dependsOn} lists the items that must be done first.
 */
public record BacklogItemView(UUID id, String allianceId, String title, String description, String discipline,
                              String type, Integer estimate, String beneficiary, Integer stakeholderValue,
                              String owner, LocalDate dueDate, String status, String rank, String sourceRef,
                              String sprintId, Instant doneAt, List<UUID> dependsOn, long version,
                              Instant createdAt, Instant updatedAt) {

    public static BacklogItemView of(BacklogItem item, List<UUID> dependsOn) {
        return new BacklogItemView(item.id, item.allianceId, item.title, item.description, item.discipline.name(),
                item.type.name(), item.estimate, item.beneficiary, item.stakeholderValue, item.owner, item.dueDate,
                item.status.name(), item.rank, item.sourceRef, item.sprintId, item.doneAt, List.copyOf(dependsOn),
                item.version, item.createdAt, item.updatedAt);
    }
}
