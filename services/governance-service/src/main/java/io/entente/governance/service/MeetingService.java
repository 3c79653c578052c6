package io.entente.governance.service;

import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.governance.MeetingEvent.DecisionRecorded;
import io.entente.events.governance.MeetingEvent.MeetingScheduled;
import io.entente.events.governance.MeetingEvent.MinutesApproved;
import io.entente.governance.domain.ActionItem;
import io.entente.governance.domain.ActionStatus;
import io.entente.governance.domain.AgendaItem;
import io.entente.governance.domain.Attendance;
import io.entente.governance.domain.Attendee;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.MeetingStatus;
import io.entente.governance.domain.Member;
import io.entente.governance.domain.MemberRole;
import io.entente.governance.domain.Outcome;
import io.entente.governance.domain.OutcomeType;
import io.entente.governance.domain.Rsvp;
import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.governance.rest.AgendaItemRequest;
import io.entente.governance.rest.AgendaRequest;
import io.entente.governance.rest.AttendanceRequest;
import io.entente.governance.rest.AttendeeRequest;
import io.entente.governance.rest.Cursor;
import io.entente.governance.rest.MeetingRequest;
import io.entente.governance.rest.MeetingUpdateRequest;
import io.entente.governance.rest.MeetingView;
import io.entente.governance.rest.OutcomeRequest;
import io.entente.governance.rest.Page;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class MeetingService {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final ChangeLog changes;
    private final CurrentUser user;
    private final BodyService bodies;
    private final ReadModels readModels;
    private final PacketBuilder builder;
    private final Clock clock;

    public MeetingService(ChangeLog changes, CurrentUser user, BodyService bodies, ReadModels readModels,
                          PacketBuilder builder, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.bodies = bodies;
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
        meeting.title = request.title() == null || request.title().isBlank()
                ? body.type.name() + " " + meeting.startsAt.atZoneSameInstant(ZoneId.of(zone)).toLocalDate()
                : request.title().strip();
        meeting.durationMinutes = request.durationMinutes() == null ? 120 : request.durationMinutes();
        meeting.location = request.location();
        meeting.callLink = request.callLink();
        meeting.internalBriefing = request.internalBriefing();
        meeting.attendees(request.attendees() == null ? invitees(body.members()) : attendees(request.attendees()));
        meeting.agenda(List.of());
        meeting.outcomes(List.of());
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.createdAt = Instant.now(clock);
        meeting.updatedAt = meeting.createdAt;
        meeting.persist();
        meeting.flush();
        MeetingView view = MeetingView.of(meeting, body, true);
        changes.record(scheduled(meeting, body), null, view);
        return view(meeting, body);
    }

    public MeetingView update(UUID id, MeetingUpdateRequest request, String ifMatch) {
        Meeting meeting = find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        requireOpen(meeting);
        GovernanceBody body = bodies.find(meeting.bodyId);
        String zone = zone(request.timeZone());
        MeetingView before = MeetingView.of(meeting, body, true);
        OffsetDateTime startsAt = request.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        boolean rescheduled = !startsAt.toInstant().equals(meeting.startsAt.toInstant())
                || !zone.equals(meeting.timeZone) || !request.title().strip().equals(meeting.title);
        meeting.title = request.title().strip();
        meeting.startsAt = startsAt;
        meeting.timeZone = zone;
        meeting.durationMinutes = request.durationMinutes();
        meeting.location = request.location();
        meeting.callLink = request.callLink();
        meeting.internalBriefing = request.internalBriefing();
        meeting.attendees(attendees(request.attendees()));
        MeetingView after = save(meeting, body);
        if (rescheduled) {
            changes.record(scheduled(meeting, body), before, after);
        } else {
            changes.auditOnly("MeetingUpdated", "meeting", meeting.id.toString(), meeting.allianceId, before, after);
        }
        return view(meeting, body);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetingView get(UUID id) {
        Meeting meeting = find(id);
        return view(meeting, bodies.find(meeting.bodyId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeetingView> list(String allianceId, UUID bodyId, MeetingStatus status, LocalDate from,
                                  LocalDate to, boolean descending, int limit, String after) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!user.isAdmin()) {
            query.append(" and allianceId in :alliances");
            params.and("alliances", user.alliances().isEmpty() ? Set.of("-") : user.alliances());
        }
        if (allianceId != null) {
            query.append(" and allianceId = :alliance");
            params.and("alliance", allianceId);
        }
        if (bodyId != null) {
            query.append(" and bodyId = :body");
            params.and("body", bodyId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (from != null) {
            query.append(" and startsAt >= :from");
            params.and("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            query.append(" and startsAt < :to");
            params.and("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        Cursor cursor = Cursor.decode(after);
        String op = descending ? "<" : ">";
        if (cursor != null) {
            OffsetDateTime value;
            try {
                value = OffsetDateTime.parse(cursor.value());
            } catch (RuntimeException e) {
                throw Problems.invalid("after", "is not a cursor returned by this list");
            }
            query.append(" and (startsAt ").append(op).append(" :cv or (startsAt = :cv and id ").append(op)
                    .append(" :cid))");
            params.and("cv", value).and("cid", cursor.id());
        }
        String direction = descending ? " desc" : "";
        query.append(" order by startsAt").append(direction).append(", id").append(direction);
        List<Meeting> rows = Meeting.<Meeting>find(query.toString(), params).page(0, limit + 1).list();
        List<MeetingView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            Meeting m = rows.get(i);
            items.add(view(m, GovernanceBody.findById(m.bodyId)));
        }
        String next = null;
        if (rows.size() > limit) {
            Meeting last = rows.get(limit - 1);
            next = new Cursor(last.startsAt.withOffsetSameInstant(ZoneOffset.UTC).toString(), last.id).encode();
        }
        return new Page<>(items, next);
    }

    public MeetingView replaceAgenda(UUID id, AgendaRequest request, String ifMatch) {
        Meeting meeting = find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        requireOpen(meeting);
        GovernanceBody body = bodies.find(meeting.bodyId);
        List<AgendaItem> items = agenda(meeting, request.items());
        Set<String> kept = new HashSet<>();
        items.forEach(i -> kept.add(i.id()));
        for (Outcome outcome : meeting.outcomes()) {
            if (!kept.contains(outcome.agendaItemId())) {
                throw Problems.rule("agenda-item-has-outcome", "agenda item " + outcome.agendaItemId()
                        + " has a recorded outcome and cannot be removed");
            }
        }
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.agenda(items);
        MeetingView after = save(meeting, body);
        changes.auditOnly("AgendaChanged", "meeting", meeting.id.toString(), meeting.allianceId, before, after);
        return view(meeting, body);
    }

    /** Replaces the agenda with one drafted from what is due; refused once outcomes were recorded against it. */
    public MeetingView draftAgenda(UUID id, String ifMatch) {
        Meeting meeting = find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        requireOpen(meeting);
        if (!meeting.outcomes().isEmpty()) {
            throw Problems.rule("agenda-in-use", "outcomes are recorded against this agenda; edit it instead");
        }
        GovernanceBody body = bodies.find(meeting.bodyId);
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.agenda(builder.draftAgenda(meeting, body, builder.due(meeting, body)));
        MeetingView after = save(meeting, body);
        changes.auditOnly("AgendaDrafted", "meeting", meeting.id.toString(), meeting.allianceId, before, after);
        return view(meeting, body);
    }

    public MeetingView recordAttendance(UUID id, AttendanceRequest request, String ifMatch) {
        Meeting meeting = find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        requireOpen(meeting);
        requireHeld(meeting);
        GovernanceBody body = bodies.find(meeting.bodyId);
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.attendance(request.attendance().stream()
                .map(a -> new Attendance(a.name().strip(), a.organisation().strip(), a.side(), a.present()))
                .toList());
        MeetingView after = save(meeting, body);
        changes.auditOnly("AttendanceRecorded", "meeting", meeting.id.toString(), meeting.allianceId, before,
                after);
        return view(meeting, body);
    }

    /**
     * Records the outcome of one agenda item. A decision takes effect when it is taken, not when the minutes are
     * approved weeks later, so DecisionRecorded and ActionItemRaised are published now.
     */
    public MeetingView recordOutcome(UUID id, OutcomeRequest request, String ifMatch) {
        Meeting meeting = find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        requireOpen(meeting);
        requireHeld(meeting);
        GovernanceBody body = bodies.find(meeting.bodyId);
        AgendaItem item = meeting.agenda().stream().filter(a -> a.id().equals(request.agendaItemId()))
                .findFirst().orElseThrow(() -> Problems.invalid("agendaItemId",
                        "meeting " + id + " has no agenda item " + request.agendaItemId()));
        Instant now = Instant.now(clock);
        String outcomeId = UUID.randomUUID().toString();
        MeetingView before = MeetingView.of(meeting, body, true);
        List<Outcome> outcomes = new ArrayList<>(meeting.outcomes());
        Outcome outcome;
        switch (request.type()) {
            case DECISION_MADE -> {
                String decisionId = item.decisionId();
                if (decisionId == null) {
                    throw Problems.invalid("agendaItemId", "agenda item " + item.id() + " names no decision");
                }
                if (request.chosenOption() == null || request.chosenOption().isBlank()) {
                    throw Problems.invalid("chosenOption", "is required for a decision");
                }
                boolean alreadyDecided = outcomes.stream().anyMatch(o -> o.type() == OutcomeType.DECISION_MADE
                        && decisionId.equals(o.decisionId()));
                DecisionEntry decision = readModels.decision(decisionId).orElse(null);
                if (alreadyDecided || decision != null && !"OPEN".equals(decision.status())) {
                    throw Problems.rule("decision-closed", "decision " + decisionId + " is already closed");
                }
                if (decision != null && !decision.options().isEmpty() && decision.options().stream()
                        .noneMatch(o -> o.key().equals(request.chosenOption()))) {
                    throw Problems.invalid("chosenOption", "decision " + decisionId + " has no option '"
                            + request.chosenOption() + "'");
                }
                requireQuorum(meeting, body);
                outcome = new Outcome(outcomeId, item.id(), OutcomeType.DECISION_MADE, request.notes(), decisionId,
                        request.chosenOption(), request.rationale(), null, null, null, null, now, user.id());
            }
            case ACTION_ITEM -> {
                if (request.actionTitle() == null || request.actionTitle().isBlank()) {
                    throw Problems.invalid("actionTitle", "is required for an action item");
                }
                if (request.owner() == null || request.owner().isBlank()) {
                    throw Problems.invalid("owner", "is required for an action item");
                }
                LocalDate meetingDate = meeting.startsAt.atZoneSameInstant(ZoneId.of(meeting.timeZone))
                        .toLocalDate();
                if (request.dueDate() == null || request.dueDate().isBefore(meetingDate)) {
                    throw Problems.invalid("dueDate", "is required and may not be before the meeting ("
                            + meetingDate + ")");
                }
                ActionItem action = new ActionItem();
                action.id = UUID.randomUUID();
                action.allianceId = meeting.allianceId;
                action.meetingId = meeting.id;
                action.agendaItemId = item.id();
                action.title = request.actionTitle().strip();
                action.owner = request.owner().strip();
                action.dueDate = request.dueDate();
                action.status = ActionStatus.OPEN;
                action.raisedAt = now;
                action.updatedAt = now;
                action.persist();
                outcome = new Outcome(outcomeId, item.id(), OutcomeType.ACTION_ITEM, request.notes(), null, null,
                        null, action.id.toString(), action.title, action.owner, action.dueDate, now, user.id());
            }
            default -> {
                if (request.notes() == null || request.notes().isBlank()) {
                    throw Problems.invalid("notes", "is required when information is noted");
                }
                outcome = new Outcome(outcomeId, item.id(), OutcomeType.INFORMATION_NOTED, request.notes(), null,
                        null, null, null, null, null, null, now, user.id());
            }
        }
        outcomes.add(outcome);
        meeting.outcomes(outcomes);
        MeetingView after = save(meeting, body);
        switch (outcome.type()) {
            case DECISION_MADE -> changes.record(new DecisionRecorded(meeting.id.toString(), meeting.allianceId,
                    outcome.decisionId(), outcome.chosenOption(), outcome.rationale(), now, user.id()), before, after);
            case ACTION_ITEM -> changes.record(new ActionItemRaised(meeting.id.toString(), meeting.allianceId,
                    outcome.actionItemId(), outcome.actionTitle(), outcome.owner(), outcome.dueDate()), before, after);
            default -> changes.auditOnly("InformationNoted", "meeting", meeting.id.toString(), meeting.allianceId,
                    before, after);
        }
        return view(meeting, body);
    }

    public MeetingView approveMinutes(UUID id, String ifMatch) {
        Meeting meeting = find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        requireOpen(meeting);
        requireHeld(meeting);
        GovernanceBody body = bodies.find(meeting.bodyId);
        requireQuorum(meeting, body);
        if (meeting.outcomes().isEmpty()) {
            throw Problems.rule("minutes-empty", "record the outcome of at least one agenda item first");
        }
        Instant now = Instant.now(clock);
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.status = MeetingStatus.MINUTES_APPROVED;
        meeting.minutesApprovedAt = now;
        meeting.minutesApprovedBy = user.id();
        MeetingView after = save(meeting, body);
        changes.record(new MinutesApproved(meeting.id.toString(), meeting.allianceId, now, user.id()), before, after);
        return view(meeting, body);
    }

    Meeting find(UUID id) {
        Meeting meeting = Meeting.findById(id);
        if (meeting == null || !user.canSee(meeting.allianceId)) {
            throw Problems.notFound("meeting", id);
        }
        return meeting;
    }

    private MeetingView view(Meeting meeting, GovernanceBody body) {
        return MeetingView.of(meeting, body, Access.internalReader(user));
    }

    private MeetingView save(Meeting meeting, GovernanceBody body) {
        meeting.updatedAt = Instant.now(clock);
        meeting.flush();
        return MeetingView.of(meeting, body, true);
    }

    private static MeetingScheduled scheduled(Meeting meeting, GovernanceBody body) {
        return new MeetingScheduled(meeting.id.toString(), meeting.allianceId, body.id.toString(), body.type.name(),
                meeting.title, meeting.startsAt.atZoneSameInstant(ZoneId.of(meeting.timeZone)).toOffsetDateTime(),
                meeting.timeZone);
    }

    private static String zone(String timeZone) {
        String zone = timeZone.strip();
        if (!ZONES.contains(zone)) {
            throw Problems.invalid("timeZone", "'" + zone + "' is not an IANA time zone such as Europe/Zurich");
        }
        return zone;
    }

    private static void requireOpen(Meeting meeting) {
        if (meeting.minutesApproved()) {
            throw Problems.rule("minutes-approved", "the minutes of this meeting are approved and can no longer change");
        }
    }

    private void requireHeld(Meeting meeting) {
        if (meeting.startsAt.toInstant().isAfter(Instant.now(clock))) {
            throw Problems.rule("meeting-not-held", "the meeting has not taken place yet");
        }
    }

    /** Quorum counts the body's voting members (co-chairs and members) marked present. */
    private static void requireQuorum(Meeting meeting, GovernanceBody body) {
        if (meeting.attendanceJson == null) {
            throw Problems.rule("attendance-missing", "record the attendance first: quorum decides whether the "
                    + "meeting may decide");
        }
        Set<String> present = new HashSet<>();
        meeting.attendance().stream().filter(Attendance::present)
                .forEach(a -> present.add(a.name().toLowerCase(Locale.ROOT)));
        long voting = body.members().stream()
                .filter(m -> m.role() != MemberRole.SECRETARY && present.contains(m.name().toLowerCase(Locale.ROOT)))
                .count();
        if (voting < body.quorum) {
            throw Problems.rule("no-quorum", "quorum not reached: " + voting + " of " + body.quorum
                    + " voting members present");
        }
    }

    private static List<Attendee> invitees(List<Member> members) {
        return members.stream()
                .map(m -> new Attendee(m.name(), m.organisation(), m.side(), m.email(), Rsvp.PENDING)).toList();
    }

    private static List<Attendee> attendees(List<AttendeeRequest> requests) {
        return requests.stream().map(a -> new Attendee(a.name().strip(), a.organisation().strip(), a.side(),
                a.email(), a.rsvp() == null ? Rsvp.PENDING : a.rsvp())).toList();
    }

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
                    throw Problems.invalid("items", "decision " + r.decisionId() + " is not a decision of alliance " + meeting.allianceId);
                }
            }
            items.add(new AgendaItem(id, r.section().strip(), r.title().strip(), r.presenter(), r.durationMinutes(),
                    r.purpose(), r.decisionId(), r.backlogItemId(), r.internalNote()));
        }
        return items;
    }
}
