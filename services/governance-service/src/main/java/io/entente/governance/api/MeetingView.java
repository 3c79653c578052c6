package io.entente.governance.api;

import io.entente.governance.domain.AgendaItem;
import io.entente.governance.domain.Attendance;
import io.entente.governance.domain.Attendee;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.Outcome;

import io.entente.platform.security.Internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as a reader sees it. The internal briefing and the agenda's internal notes are {@link Internal}: a
 * partner never receives them. A partner sees the minutes (attendance, outcomes) once they are approved, not drafts.
 */
public record MeetingView(UUID id, String allianceId, UUID bodyId, String bodyType, String bodyName, String title,
                          OffsetDateTime startsAt, String timeZone, int durationMinutes, String location,
                          String callLink, @Internal String internalBriefing, List<Attendee> attendees,
                          List<AgendaItem> agenda, List<Attendance> attendance, List<Outcome> outcomes,
                          String status, Instant minutesApprovedAt, String minutesApprovedBy, long version,
                          Instant createdAt, Instant updatedAt) {

    public static MeetingView of(Meeting m, GovernanceBody body, boolean internal) {
        List<AgendaItem> agenda = internal ? m.agenda() : m.agenda().stream()
                .map(a -> new AgendaItem(a.id(), a.section(), a.title(), a.presenter(), a.durationMinutes(),
                        a.purpose(), a.decisionId(), a.backlogItemId(), null))
                .toList();
        return new MeetingView(m.id, m.allianceId, m.bodyId, body.type.name(), body.name, m.title,
                m.startsAt.atZoneSameInstant(ZoneId.of(m.timeZone)).toOffsetDateTime(), m.timeZone,
                m.durationMinutes, m.location, m.callLink, internal ? m.internalBriefing : null, m.attendees(),
                agenda, m.attendanceRecorded() && (internal || m.minutesApproved()) ? m.attendance() : null,
                internal || m.minutesApproved() ? m.outcomes() : List.of(), m.status.name(),
                m.minutesApprovedAt, m.minutesApprovedBy, m.version, m.createdAt, m.updatedAt);
    }
}
