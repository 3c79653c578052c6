package io.entente.backlog.rest;

import io.entente.backlog.domain.BacklogItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record BacklogItemView(UUID id, String allianceId, String title, String description, String discipline,
                              String type, Integer estimate, LocalDate dueDate, String status, String rank,
                              String sourceRef, long version, Instant createdAt, Instant updatedAt) {

    public static BacklogItemView of(BacklogItem item) {
        return new BacklogItemView(item.id, item.allianceId, item.title, item.description, item.discipline.name(),
                item.type.name(), item.estimate, item.dueDate, item.status.name(), item.rank, item.sourceRef,
                item.version, item.createdAt, item.updatedAt);
    }
}
