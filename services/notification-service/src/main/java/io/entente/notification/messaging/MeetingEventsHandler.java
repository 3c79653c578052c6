package io.entente.notification.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.governance.MeetingEvent.Invitee;
import io.entente.events.governance.MeetingEvent.MeetingScheduled;
import io.entente.events.governance.MeetingEvent.MinutesApproved;
import io.entente.events.governance.MeetingEvent.PacketGenerated;
import io.entente.events.governance.MeetingEvent.PulseSurveyIssued;
import io.entente.notification.domain.NotificationRules;
import io.entente.notification.service.EventNotifications;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Meetings: each packet version, approved minutes and the survey after, to the attendees the event names. */
@ApplicationScoped
public class MeetingEventsHandler implements EventHandler {

    private final EventNotifications notifications;

    public MeetingEventsHandler(EventNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(MeetingScheduled.class, PacketGenerated.class, MinutesApproved.class,
                PulseSurveyIssued.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof MeetingScheduled e) {
            notifications.meetingScheduled(e.meetingId(), e.allianceId(), e.title());
        } else if (event instanceof PacketGenerated e) {
            notifications.packetPublished(envelope.id(), e.meetingId(), e.allianceId(), e.version(),
                    invitees(e.attendees()), e.changes(), e.partnerChanges());
        } else if (event instanceof MinutesApproved e) {
            notifications.minutesApproved(envelope.id(), e.meetingId(), e.allianceId(), invitees(e.attendees()));
        } else if (event instanceof PulseSurveyIssued e) {
            notifications.pulseSurveyIssued(envelope.id(), e.meetingId(), e.allianceId(), e.title(),
                    e.expiresAt() == null ? null : e.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    e.invitees() == null ? List.of() : e.invitees().stream()
                            .map(i -> new NotificationRules.Invitee(i.user(), "PARTNER".equals(i.side()))).toList());
        }
    }

    /** An event from before attendees were named tells nobody (null: not known). */
    private static List<NotificationRules.Invitee> invitees(List<Invitee> attendees) {
        return attendees == null ? List.of() : attendees.stream()
                .map(a -> new NotificationRules.Invitee(a.user(), "PARTNER".equals(a.side()))).toList();
    }
}
