package io.entente.notification.service;

import io.entente.notification.domain.DecisionParties;
import io.entente.notification.domain.DeliveryMode;
import io.entente.notification.domain.MeetingRef;
import io.entente.notification.domain.Notification;
import io.entente.notification.domain.NotificationRules;
import io.entente.notification.domain.OutgoingMail;
import io.entente.notification.domain.Planned;
import io.entente.notification.domain.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Turns other services' events into notifications and the mails they owe, in the consumer's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventNotifications {

    private final Clock clock;
    private final PreferenceQueries preferences;

    public EventNotifications(Clock clock, PreferenceQueries preferences) {
        this.clock = clock;
        this.preferences = preferences;
    }

    public void decisionOpened(String decisionId, String allianceId, String title, String driver, String approver,
                               List<String> contributors, List<String> informed) {
        DecisionParties d = DecisionParties.findById(decisionId);
        boolean created = d == null;
        if (created) {
            d = new DecisionParties();
            d.decisionId = decisionId;
        }
        d.allianceId = allianceId;
        d.title = title;
        d.driver = driver;
        d.approver = approver;
        d.contributors = contributors == null ? null : contributors.toArray(String[]::new);
        d.informed = informed == null ? null : informed.toArray(String[]::new);
        if (created) {
            d.persist();
        }
    }

    public void meetingScheduled(String meetingId, String allianceId, String title) {
        MeetingRef m = MeetingRef.findById(meetingId);
        if (m == null) {
            m = new MeetingRef();
            m.meetingId = meetingId;
            m.allianceId = allianceId;
            m.title = title;
            m.persist();
        } else {
            m.title = title;
        }
    }

    public void packetPublished(UUID eventId, String meetingId, String allianceId, int version,
                                List<NotificationRules.Invitee> invitees, List<String> changes,
                                List<String> partnerChanges) {
        notify(eventId, NotificationRules.packetPublished(meetingId, allianceId, meetingTitle(meetingId, allianceId),
                version, invitees, changes, partnerChanges));
    }

    public void minutesApproved(UUID eventId, String meetingId, String allianceId,
                                List<NotificationRules.Invitee> invitees) {
        notify(eventId, NotificationRules.minutesApproved(meetingId, allianceId, meetingTitle(meetingId, allianceId),
                invitees));
    }

    public void pulseSurveyIssued(UUID eventId, String meetingId, String allianceId, String title,
                                  String expiresOn, List<NotificationRules.Invitee> invitees) {
        notify(eventId, NotificationRules.pulseSurveyIssued(meetingId, allianceId,
                title == null ? meetingTitle(meetingId, allianceId) : title, expiresOn, invitees));
    }

    private static String meetingTitle(String meetingId, String allianceId) {
        MeetingRef m = MeetingRef.findById(meetingId);
        return m == null ? "a meeting of " + allianceId : m.title;
    }

    public void decisionRiskChanged(UUID eventId, String decisionId, String toState, String reason) {
        DecisionParties d = DecisionParties.findById(decisionId);
        if (d != null) {
            notify(eventId, NotificationRules.decisionRiskChanged(d, toState, reason));
        }
    }

    public void decisionEscalated(UUID eventId, String decisionId, String toBody, String respondBy) {
        DecisionParties d = DecisionParties.findById(decisionId);
        if (d != null) {
            notify(eventId, NotificationRules.decisionEscalated(d, toBody, respondBy));
        }
    }

    public void decisionDecided(UUID eventId, String decisionId, String chosenOption, String rationale) {
        DecisionParties d = DecisionParties.findById(decisionId);
        if (d != null) {
            notify(eventId, NotificationRules.decisionDecided(d, chosenOption, rationale));
        }
    }

    public void cardAssigned(UUID eventId, String assignee, String allianceId, String itemId) {
        notify(eventId, NotificationRules.cardAssigned(assignee, allianceId, itemId));
    }

    public void actionItemRaised(UUID eventId, String owner, String allianceId, String meetingId, String title,
                                 String dueDate) {
        notify(eventId, NotificationRules.actionItemRaised(owner, allianceId, meetingId, title, dueDate));
    }

    /**
     * Stores each planned notification once per (event, recipient, kind) and queues its mail. A recipient known
     * not to belong to the alliance is told nothing; an unknown one only sees it once their token shows the alliance.
     */
    void notify(UUID eventId, List<Planned> planned) {
        Instant now = clock.instant();
        for (Planned p : planned) {
            Recipient known = Recipient.findById(p.recipient());
            if (known != null && !known.mayHear(p.allianceId())) {
                continue;
            }
            // The partner company's people hear only what the partner edition shows; someone not known yet is
            // stored with both texts and read (or mailed) by what their token says then.
            if (known != null && known.partner && p.partnerBody() == null) {
                continue;
            }
            DeliveryMode mode = preferences.modeOf(p.recipient(), p.kind());
            if (mode == DeliveryMode.OFF) {
                continue;
            }
            if (Notification.count("eventId = ?1 and recipient = ?2 and kind = ?3", eventId, p.recipient(),
                    p.kind()) > 0) {
                continue;
            }
            Notification n = Notification.of(eventId, p, now);
            n.digestPending = mode == DeliveryMode.DIGEST;
            n.persist();
            if (!n.digestPending) {
                OutgoingMail.of(n, now).persist();
            }
        }
    }
}
