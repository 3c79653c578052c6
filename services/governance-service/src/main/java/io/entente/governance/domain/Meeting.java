package io.entente.governance.domain;

import io.entente.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** One sitting of a body: when and where, who is invited, the agenda, and afterwards its minutes. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Column(name = "body_id", nullable = false)
    public UUID bodyId;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    /** IANA zone the meeting is held in; startsAt is stored as an instant and shown in this zone. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    public String location;

    @Column(name = "call_link")
    public String callLink;

    @Column(name = "internal_briefing")
    public String internalBriefing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attendees_json", nullable = false)
    public List<Attendee> attendees = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "agenda_json", nullable = false)
    public List<AgendaItem> agenda = List.of();

    /** Null until the attendance is recorded: an empty list would read as a meeting nobody attended. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attendance_json")
    public List<Attendance> attendance;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "outcomes_json", nullable = false)
    public List<Outcome> outcomes = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingStatus status;

    @Column(name = "minutes_approved_at")
    public Instant minutesApprovedAt;

    @Column(name = "minutes_approved_by")
    public String minutesApprovedBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<Attendee> attendees() {
        return attendees == null ? List.of() : List.copyOf(attendees);
    }

    public void attendees(List<Attendee> value) {
        attendees = List.copyOf(value);
    }

    public List<AgendaItem> agenda() {
        return agenda == null ? List.of() : List.copyOf(agenda);
    }

    public List<Attendance> attendance() {
        return attendance == null ? List.of() : List.copyOf(attendance);
    }

    public boolean attendanceRecorded() {
        return attendance != null;
    }

    public List<Outcome> outcomes() {
        return outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    public boolean minutesApproved() {
        return status == MeetingStatus.MINUTES_APPROVED;
    }

    public boolean hasMinutes() {
        return attendanceRecorded() || !outcomes().isEmpty();
    }

    /** The day the meeting is held, in its own zone. */
    public LocalDate localDate() {
        return startsAt.atZoneSameInstant(ZoneId.of(timeZone)).toLocalDate();
    }

    /**
     * The answer of the attendee who is {@code userId}; false when no attendee is that user, so that an invitation
     * cannot be answered on someone else's behalf.
     */
    public boolean answer(String userId, Rsvp rsvp) {
        List<Attendee> answered = new ArrayList<>();
        boolean found = false;
        for (Attendee a : attendees()) {
            if (a.isUser(userId)) {
                answered.add(a.answer(rsvp));
                found = true;
            } else {
                answered.add(a);
            }
        }
        if (found) {
            attendees(answered);
        }
        return found;
    }

    /** Approved minutes are the record of the meeting: nothing about it changes any more. */
    public void requireOpen() {
        if (minutesApproved()) {
            throw Problems.rule("minutes-approved", "the minutes of this meeting are approved and can no longer change");
        }
    }

    public void requireHeld(Instant now) {
        if (startsAt.toInstant().isAfter(now)) {
            throw Problems.rule("meeting-not-held", "the meeting has not taken place yet");
        }
    }

    /** Replaces the agenda; an item with a recorded outcome cannot be dropped from it. */
    public void replaceAgenda(List<AgendaItem> items) {
        Set<String> kept = new HashSet<>();
        items.forEach(i -> kept.add(i.id()));
        for (Outcome outcome : outcomes()) {
            if (!kept.contains(outcome.agendaItemId())) {
                throw Problems.rule("agenda-item-has-outcome", "agenda item " + outcome.agendaItemId()
                        + " has a recorded outcome and cannot be removed");
            }
        }
        agenda = List.copyOf(items);
    }

    /** A drafted agenda replaces the whole agenda, so it is refused once outcomes were recorded against it. */
    public void draftAgenda(List<AgendaItem> items) {
        if (!outcomes().isEmpty()) {
            throw Problems.rule("agenda-in-use", "outcomes are recorded against this agenda; edit it instead");
        }
        agenda = List.copyOf(items);
    }

    public void recordAttendance(List<Attendance> present) {
        attendance = List.copyOf(present);
    }

    public AgendaItem agendaItem(String agendaItemId) {
        return agenda().stream().filter(a -> a.id().equals(agendaItemId)).findFirst()
                .orElseThrow(() -> Problems.invalid("agendaItemId",
                        "meeting " + id + " has no agenda item " + agendaItemId));
    }

    /** Whether a decision was already taken in this meeting. */
    public boolean decided(String decisionId) {
        return outcomes().stream().anyMatch(o -> o.type() == OutcomeType.DECISION_MADE
                && decisionId.equals(o.decisionId()));
    }

    public void record(Outcome outcome) {
        List<Outcome> all = new ArrayList<>(outcomes());
        all.add(outcome);
        outcomes = List.copyOf(all);
    }

    /** Quorum counts the body's voting members (co-chairs and members) marked present. */
    public void requireQuorum(GovernanceBody body) {
        if (!attendanceRecorded()) {
            throw Problems.rule("attendance-missing", "record the attendance first: quorum decides whether the "
                    + "meeting may decide");
        }
        Set<String> present = new HashSet<>();
        attendance().stream().filter(Attendance::present)
                .forEach(a -> present.add(a.name().toLowerCase(Locale.ROOT)));
        long voting = body.members().stream()
                .filter(m -> m.role() != MemberRole.SECRETARY && present.contains(m.name().toLowerCase(Locale.ROOT)))
                .count();
        if (voting < body.quorum) {
            throw Problems.rule("no-quorum", "quorum not reached: " + voting + " of " + body.quorum
                    + " voting members present");
        }
    }

    /** Approved minutes need a quorate meeting and at least one outcome; afterwards the meeting is closed. */
    public void approveMinutes(GovernanceBody body, Instant now, String approvedBy) {
        requireQuorum(body);
        if (outcomes().isEmpty()) {
            throw Problems.rule("minutes-empty", "record the outcome of at least one agenda item first");
        }
        status = MeetingStatus.MINUTES_APPROVED;
        minutesApprovedAt = now;
        minutesApprovedBy = approvedBy;
    }
}
