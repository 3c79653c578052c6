package io.entente.governance.service;

import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.governance.MeetingEvent.DecisionRecorded;
import io.entente.events.governance.MeetingEvent.MinutesApproved;
import io.entente.governance.api.AttendanceRequest;
import io.entente.governance.api.MeetingView;
import io.entente.governance.api.OutcomeRequest;
import io.entente.governance.domain.ActionItem;
import io.entente.governance.domain.AgendaItem;
import io.entente.governance.domain.Attendance;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.Outcome;
import io.entente.governance.domain.OutcomeType;
import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The minutes of a held meeting: who attended, what came of each agenda item, and their approval. */
@ApplicationScoped
@Transactional
public class MeetingRecords {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final BodyService bodies;
    private final MeetingQueries meetings;
    private final ReadModels readModels;
    private final PulseInvitations pulse;
    private final Clock clock;

    public MeetingRecords(ChangeLog changes, CurrentUser user, BodyService bodies, MeetingQueries meetings,
                          ReadModels readModels, PulseInvitations pulse, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.bodies = bodies;
        this.meetings = meetings;
        this.readModels = readModels;
        this.pulse = pulse;
        this.clock = clock;
    }

    public MeetingView recordAttendance(UUID id, AttendanceRequest request, String ifMatch) {
        Meeting meeting = held(id, ifMatch);
        GovernanceBody body = bodies.find(meeting.bodyId);
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.recordAttendance(request.attendance().stream()
                .map(a -> new Attendance(a.name(), a.organisation(), a.side(), a.present())).toList());
        MeetingView after = Meetings.saved(meeting, body, clock);
        changes.auditOnly("AttendanceRecorded", "meeting", meeting.id.toString(), meeting.allianceId, before,
                after);
        return meetings.view(meeting, body);
    }

    /**
     * Records the outcome of one agenda item. A decision takes effect when it is taken, not when the minutes are
     * approved weeks later, so DecisionRecorded and ActionItemRaised are published now.
     */
    public MeetingView recordOutcome(UUID id, OutcomeRequest request, String ifMatch) {
        Meeting meeting = held(id, ifMatch);
        GovernanceBody body = bodies.find(meeting.bodyId);
        AgendaItem item = meeting.agendaItem(request.agendaItemId());
        Instant now = Instant.now(clock);
        MeetingView before = MeetingView.of(meeting, body, true);
        Outcome outcome = switch (request.type()) {
            case DECISION_MADE -> decision(meeting, body, item, request, now);
            case ACTION_ITEM -> action(meeting, item, request, now);
            default -> information(item, request, now);
        };
        meeting.record(outcome);
        MeetingView after = Meetings.saved(meeting, body, clock);
        switch (outcome.type()) {
            case DECISION_MADE -> changes.record(new DecisionRecorded(meeting.id.toString(), meeting.allianceId,
                    outcome.decisionId(), outcome.chosenOption(), outcome.rationale(), now, user.id()), before, after);
            case ACTION_ITEM -> changes.record(new ActionItemRaised(meeting.id.toString(), meeting.allianceId,
                    outcome.actionItemId(), outcome.actionTitle(), outcome.owner(), outcome.dueDate()), before, after);
            default -> changes.auditOnly("InformationNoted", "meeting", meeting.id.toString(), meeting.allianceId,
                    before, after);
        }
        return meetings.view(meeting, body);
    }

    public MeetingView approveMinutes(UUID id, String ifMatch) {
        Meeting meeting = held(id, ifMatch);
        GovernanceBody body = bodies.find(meeting.bodyId);
        Instant now = Instant.now(clock);
        MeetingView before = MeetingView.of(meeting, body, true);
        meeting.approveMinutes(body, now, user.id());
        MeetingView after = Meetings.saved(meeting, body, clock);
        changes.record(new MinutesApproved(meeting.id.toString(), meeting.allianceId, now, user.id(),
                MeetingNews.invitees(meeting)), before, after);
        // Approved minutes mean the meeting happened and its record is settled: the moment to ask how it felt.
        pulse.issue(meeting, now);
        return meetings.view(meeting, body);
    }

    /** Minutes are kept only for a meeting that took place and whose minutes are not approved yet. */
    private Meeting held(UUID id, String ifMatch) {
        Meeting meeting = meetings.find(id);
        ETags.requireMatch(ifMatch, meeting.version);
        meeting.requireOpen();
        meeting.requireHeld(Instant.now(clock));
        return meeting;
    }

    /** A decision taken in the meeting: one of its options, once, by a quorate meeting. */
    private Outcome decision(Meeting meeting, GovernanceBody body, AgendaItem item, OutcomeRequest request,
                             Instant now) {
        String decisionId = item.decisionId();
        if (decisionId == null) {
            throw Problems.invalid("agendaItemId", "agenda item " + item.id() + " names no decision");
        }
        if (request.chosenOption() == null) {
            throw Problems.invalid("chosenOption", "is required for a decision");
        }
        DecisionEntry decision = readModels.decision(decisionId).orElse(null);
        if (meeting.decided(decisionId) || decision != null && !"OPEN".equals(decision.status())) {
            throw Problems.rule("decision-closed", "decision " + decisionId + " is already closed");
        }
        if (decision != null && !decision.options().isEmpty() && decision.options().stream()
                .noneMatch(o -> o.key().equals(request.chosenOption()))) {
            throw Problems.invalid("chosenOption", "decision " + decisionId + " has no option '"
                    + request.chosenOption() + "'");
        }
        meeting.requireQuorum(body);
        return new Outcome(UUID.randomUUID().toString(), item.id(), OutcomeType.DECISION_MADE, request.notes(),
                decisionId, request.chosenOption(), request.rationale(), null, null, null, null, now, user.id());
    }

    /** An action item raised in the meeting, due no earlier than the meeting day. */
    private Outcome action(Meeting meeting, AgendaItem item, OutcomeRequest request, Instant now) {
        if (request.actionTitle() == null) {
            throw Problems.invalid("actionTitle", "is required for an action item");
        }
        if (request.owner() == null) {
            throw Problems.invalid("owner", "is required for an action item");
        }
        LocalDate meetingDate = meeting.localDate();
        if (request.dueDate() == null || request.dueDate().isBefore(meetingDate)) {
            throw Problems.invalid("dueDate", "is required and may not be before the meeting (" + meetingDate + ")");
        }
        ActionItem action = ActionItem.raise(meeting.allianceId, meeting.id, item.id(), request.actionTitle(),
                request.owner(), request.dueDate(), now);
        action.persist();
        return new Outcome(UUID.randomUUID().toString(), item.id(), OutcomeType.ACTION_ITEM, request.notes(), null,
                null, null, action.id.toString(), action.title, action.owner, action.dueDate, now, user.id());
    }

    private Outcome information(AgendaItem item, OutcomeRequest request, Instant now) {
        if (request.notes() == null) {
            throw Problems.invalid("notes", "is required when information is noted");
        }
        return new Outcome(UUID.randomUUID().toString(), item.id(), OutcomeType.INFORMATION_NOTED, request.notes(),
                null, null, null, null, null, null, null, now, user.id());
    }
}
