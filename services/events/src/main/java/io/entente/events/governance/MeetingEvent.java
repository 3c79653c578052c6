package io.entente.events.governance;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What happens to a governance meeting. Aggregate id = meeting id. */
@Aggregate("meeting")
public sealed interface MeetingEvent extends DomainEvent
        permits MeetingEvent.MeetingScheduled, MeetingEvent.PacketGenerated, MeetingEvent.DecisionRecorded,
        MeetingEvent.ActionItemRaised, MeetingEvent.ActionItemStatusChanged, MeetingEvent.ActionItemReportedDone,
        MeetingEvent.MinutesApproved, MeetingEvent.PulseSurveyIssued, MeetingEvent.PulseConcernRaised {

    String meetingId();

    @Override
    default String aggregateId() {
        return meetingId();
    }

    /** {@code bodyType}: {@code JSC}, {@code JDC}, {@code JCC}, {@code FINANCE}, {@code EXECUTIVE_SPONSORS}. */
    record MeetingScheduled(String meetingId, String allianceId, String bodyId, String bodyType, String title,
                            OffsetDateTime startsAt, String timeZone) implements MeetingEvent {
    }

    record PacketGenerated(String meetingId, String allianceId, int version, Instant generatedAt,
                           List<Invitee> attendees, List<String> changes, List<String> partnerChanges)
            implements MeetingEvent {

        /** As the event was before it named the attendees and what changed (null: not known). */
        public PacketGenerated(String meetingId, String allianceId, int version, Instant generatedAt) {
            this(meetingId, allianceId, version, generatedAt, null, null, null);
        }
    }

    /**
     * Someone invited to a meeting who has an Entente user id; {@code side} is {@code US} or {@code PARTNER} (the
     * partner company's people get only the partner edition).
     */
    record Invitee(String user, String side) {
    }

    /** A decision taken in the meeting; the decision service closes the decision. */
    record DecisionRecorded(String meetingId, String allianceId, String decisionId, String chosenOption,
                            String rationale, Instant recordedAt, String recordedBy) implements MeetingEvent {
    }

    /** An action item from the minutes; the backlog service turns it into a backlog item. */
    record ActionItemRaised(String meetingId, String allianceId, String actionItemId, String title, String owner,
                            LocalDate dueDate) implements MeetingEvent {
    }

    /**
     * An action item followed the backlog item that carries it: {@code status} is {@code OPEN}, {@code DONE} or
     * {@code DROPPED}. Belongs to the meeting that raised the item.
     */
    record ActionItemStatusChanged(String meetingId, String allianceId, String actionItemId, String status,
                                   String backlogItemId) implements MeetingEvent {
    }

    /**
     * The owner says the action item is done; the backlog service closes the backlog item that carries it, and the
     * action item follows. {@code backlogItemId} is null when governance has not yet seen that backlog item.
     */
    record ActionItemReportedDone(String meetingId, String allianceId, String actionItemId, String backlogItemId,
                                  String reportedBy, Instant reportedAt) implements MeetingEvent {
    }

    record MinutesApproved(String meetingId, String allianceId, Instant approvedAt, String approvedBy,
                           List<Invitee> attendees)
            implements MeetingEvent {

        /** As the event was before it named the attendees (null: not known). */
        public MinutesApproved(String meetingId, String allianceId, Instant approvedAt, String approvedBy) {
            this(meetingId, allianceId, approvedAt, approvedBy, null);
        }
    }

    /**
     * The partner-experience survey went out after the meeting's minutes were approved: one invitation per attendee.
     * Never the survey links: this topic is read by every service, and a link is the respondent's only credential.
     * A mailer that sends the links asks governance for them by {@code invitationId}.
     */
    record PulseSurveyIssued(String meetingId, String allianceId, String title, Instant expiresAt,
                             List<PulseInvitee> invitees) implements MeetingEvent {
    }

    /** One invited attendee; {@code side} is {@code US} or {@code PARTNER}, {@code user} their login when known. */
    record PulseInvitee(String invitationId, String name, String email, String user, String side) {
    }

    /**
     * The pulse of an alliance in a quarter crossed a threshold on one question: a side's mean under the floor or the
     * gap between the sides over the limit. Raised once per alliance, quarter and question ({@code concernKey});
     * {@code meetingId} is the meeting whose answer crossed it. Only aggregates, never a respondent.
     */
    record PulseConcernRaised(String meetingId, String allianceId, String concernKey, String quarter,
                              String question, String reason, Double ourMean, int ourCount, Double partnerMean,
                              int partnerCount) implements MeetingEvent {
    }
}
