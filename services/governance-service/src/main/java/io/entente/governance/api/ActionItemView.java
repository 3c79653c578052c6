package io.entente.governance.api;

import io.entente.governance.domain.ActionItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ActionItemView(UUID id, String allianceId, UUID meetingId, String agendaItemId, String title,
                             String owner, LocalDate dueDate, String status, String sourceRef, Instant raisedAt,
                             Instant updatedAt, Instant reportedDoneAt, String reportedDoneBy) {

    public static ActionItemView of(ActionItem a) {
        return new ActionItemView(a.id, a.allianceId, a.meetingId, a.agendaItemId, a.title, a.owner, a.dueDate,
                a.status.name(), "action-item:" + a.id, a.raisedAt, a.updatedAt,
                a.reportedDoneAt, a.reportedDoneBy);
    }
}
