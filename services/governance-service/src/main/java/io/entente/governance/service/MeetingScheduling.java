package io.entente.governance.service;

import io.entente.events.governance.MeetingEvent.MeetingScheduled;
import io.entente.governance.api.AgendaItemRequest;
import io.entente.governance.api.AgendaRequest;
import io.entente.governance.api.AttendeeRequest;
import io.entente.governance.api.MeetingRequest;
import io.entente.governance.api.MeetingUpdateRequest;
import io.entente.governance.api.MeetingView;
import io.entente.governance.api.RsvpRequest;
import io.entente.governance.domain.AgendaItem;
import io.entente.governance.domain.Attendee;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.MeetingStatus;
import io.entente.governance.domain.Member;
import io.entente.governance.domain.Rsvp;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Scheduling a meeting, changing its logistics and preparing its agenda. */
@ApplicationScoped
@Transactional
public class MeetingScheduling {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final ChangeLog changes;
    private final BodyService bodies;
    private final MeetingQueries meetings;
    private final ReadModels readModels;
    private final PacketBuilder builder;
    private final CurrentUser user;
    private final Clock clock;

    public MeetingScheduling(ChangeLog changes, BodyService bodies, MeetingQueries meetings, ReadModels readModels,
                             PacketBuilder builder, CurrentUser user, Clock clock) {
        this.user = user;
        this.changes = changes;
        this.bodies = bodies;
        this.meetings = meetings;
        this.readModels = readModels;
        this.builder = builder;
        this.clock = clock;
    }

    public MeetingView schedule(MeetingRequest request) {
        GovernanceBody body = bodies.find(request.bodyId());
        String zone = zone(request.timeZone());
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.allianceId = body.allianceId;
        meeting.bodyId = body.id;
        meeting.startsAt = request.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        meeting.timeZone = zone;
        meeting.title = request.title() == null
                ? body.type.name() + " " + meeting.startsAt.atZoneSameInstant(ZoneId.of(zone)).toLocalDate()
                : request.title();
        meeting.durationMinutes = request.durationMinutes() == null ? 120 : request.durationMinutes();
        meeting.location = request.location();
        meeting.callLink = request.callLink();
        meeting.internalBriefing = request.internalBriefing();
        meeting.attendees(request.attendees() == null ? invitees(body.members()) : attendees(request.attendees()));
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.createdAt = Instant.now(clock);
        meeting.updatedAt = meeting.createdAt;
        meeting.persist();
        meeting.flush();
        MeetingView view = MeetingView.of(meeting, body, true);
        changes.record(scheduled(meeting, body), null, view);
        return meetings.view(meeting, body);
    }

    public MeetingView update(UUID id, MeetingUpdateRequest request, String ifMatch) {
        Meeting meeting = open(id, ifMatch);
        GovernanceBody body = bodies.find(meeting.bodyId);
        String zone = zone(request.timeZone());
        MeetingView before = MeetingView.of(meeting, body, true);
        OffsetDateTime startsAt = request.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        boolean rescheduled = !startsAt.toInstant().equals(meeting.startsAt.toInstant())
                || !zone.equals(meeting.timeZone) || !request.title().equals(meeting.title);
        meeting.title = request.title();
        meeting.startsAt = startsAt;
        meeting.timeZone = zone;
        meeting.durationMinutes = request.durationMinutes();
        meeting.location = request.location();
        meeting.callLink = request.callLink();
        meeting.internalBriefing = request.internalBriefing();
        meeting.attendees(attendees(request.attendees()));
        MeetingView after = Meetings.saved(meeting, body, clock);
        if (rescheduled) {
            changes.record(scheduled(meeting, body), before, after);
        } else {
            changes.auditOnly("MeetingUpdated", "meeting", meeting.id.toString(), meeting.allianceId, before, after);
        }
        return meetings.view(meeting, body);
    }

    /** The caller's own RSVP, whatever their role: only an attendee who is the caller may give it. */
    public MeetingView rsvp(UUID id, RsvpRequest request, String ifMatch) {
        Meeting meeting = open(id, ifMatch);
        GovernanceBody body = bodies.find(meeting.bodyId);
        MeetingView before = MeetingView.of(meeting, body, true);
        if (!meeting.answer(user.id(), request.rsvp())) {
            throw Problems.forbidden("not-an-attendee", "you are not among the attendees of this meeting");
        }
        MeetingView after = Meetings.saved(meeting, body, clock);
        changes.auditOnly("RsvpGiven", "meeting", meeting.id.toString(), meeting.allianceId, before, after);
        return meetings.view(meeting, body);
    }

    public MeetingView replaceAgenda(UUID id, AgendaRequest request, String ifMatch) {
        Meeting meeting = open(id, ifMatch);
        GovernanceBody body = bodies.find(meeting.bodyId);
        List<AgendaItem> items = agenda(meeting, request.items());
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.replaceAgenda(items);
        MeetingView after = Meetings.saved(meeting, body, clock);
        changes.auditOnly("AgendaChanged", "meeting", meeting.id.toString(), meeting.allianceId, before, after);
        return meetings.view(meeting, body);
    }

    /** Replaces the agenda with one drafted from what is due. */
    public MeetingView draftAgenda(UUID id, String ifMatch) {
        Meeting meeting = open(id, ifMatch);
        GovernanceBody body = bodies.find(meeting.bodyId);
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.draftAgenda(builder.draftAgenda(meeting, body, builder.due(meeting, body)));
        MeetingView after = Meetings.saved(meeting, body, clock);
        changes.auditOnly("AgendaDrafted", "meeting", meeting.id.toString(), meeting.allianceId, before, after);
        return meetings.view(meeting, body);
    }

    private Meeting open(UUID id, String ifMatch) {
        Meeting meeting = meetings.find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        meeting.requireOpen();
        return meeting;
    }

    private static MeetingScheduled scheduled(Meeting meeting, GovernanceBody body) {
        return new MeetingScheduled(meeting.id.toString(), meeting.allianceId, body.id.toString(), body.type.name(),
                meeting.title, meeting.startsAt.atZoneSameInstant(ZoneId.of(meeting.timeZone)).toOffsetDateTime(),
                meeting.timeZone);
    }

    private static String zone(String timeZone) {
        if (!ZONES.contains(timeZone)) {
            throw Problems.invalid("timeZone", "'" + timeZone + "' is not an IANA time zone such as Europe/Zurich");
        }
        return timeZone;
    }

    private static List<Attendee> invitees(List<Member> members) {
        return members.stream()
                .map(m -> new Attendee(m.name(), m.organisation(), m.side(), m.email(), Rsvp.PENDING, null))
                .toList();
    }

    private static List<Attendee> attendees(List<AttendeeRequest> requests) {
        return requests.stream().map(a -> new Attendee(a.name(), a.organisation(), a.side(), a.email(),
                a.rsvp() == null ? Rsvp.PENDING : a.rsvp(), a.user())).toList();
    }

    /** Agenda lines keep the ids they were sent with; new lines get the first free {@code item-n}. */
    private List<AgendaItem> agenda(Meeting meeting, List<AgendaItemRequest> requests) {
        Set<String> ids = new HashSet<>();
        requests.stream().map(AgendaItemRequest::id).filter(i -> i != null).forEach(i -> {
            if (!ids.add(i)) {
                throw Problems.invalid("items", "agenda item id '" + i + "' appears twice");
            }
        });
        List<AgendaItem> items = new ArrayList<>();
        int n = 1;
        for (AgendaItemRequest r : requests) {
            String id = r.id();
            while (id == null || (r.id() == null && ids.contains(id))) {
                id = "item-" + n++;
            }
            ids.add(id);
            if (r.decisionId() != null) {
                String alliance = readModels.decisionAlliance(r.decisionId());
                if (alliance != null && !alliance.equals(meeting.allianceId)) {
                    throw Problems.invalid("items", "decision " + r.decisionId() + " is not a decision of alliance "
                            + meeting.allianceId);
                }
            }
            items.add(new AgendaItem(id, r.section(), r.title(), r.presenter(), r.durationMinutes(), r.purpose(),
                    r.decisionId(), r.backlogItemId(), r.internalNote()));
        }
        return items;
    }
}
