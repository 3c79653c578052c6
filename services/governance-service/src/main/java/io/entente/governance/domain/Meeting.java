package io.entente.governance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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

    @Column(name = "attendees_json", nullable = false)
    public String attendeesJson;

    @Column(name = "agenda_json", nullable = false)
    public String agendaJson;

    @Column(name = "attendance_json")
    public String attendanceJson;

    @Column(name = "outcomes_json", nullable = false)
    public String outcomesJson;

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
        return Json.readList(attendeesJson, Attendee.class);
    }

    public void attendees(List<Attendee> value) {
        attendeesJson = Json.write(value);
    }

    public List<AgendaItem> agenda() {
        return Json.readList(agendaJson, AgendaItem.class);
    }

    public void agenda(List<AgendaItem> value) {
        agendaJson = Json.write(value);
    }

    public List<Attendance> attendance() {
        return Json.readList(attendanceJson, Attendance.class);
    }

    public void attendance(List<Attendance> value) {
        attendanceJson = Json.write(value);
    }

    public List<Outcome> outcomes() {
        return Json.readList(outcomesJson, Outcome.class);
    }

    public void outcomes(List<Outcome> value) {
        outcomesJson = Json.write(value);
    }

    public boolean minutesApproved() {
        return status == MeetingStatus.MINUTES_APPROVED;
    }

    public boolean hasMinutes() {
        return attendanceJson != null || !outcomes().isEmpty();
    }
}
