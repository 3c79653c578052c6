package io.entente.notification.service;

import io.entente.notification.domain.AllianceRef;
import io.entente.notification.domain.NotificationRules;
import io.entente.notification.domain.ObligationWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Obligations coming due or missed, to their owners: the read models of who manages each alliance and who holds
 * each obligation's work item, and the notifications, in the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ObligationNotifications {

    private static final String SOURCE = "obligation:";

    private final EventNotifications notifications;
    private final Clock clock;

    public ObligationNotifications(EventNotifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public void allianceManaged(String allianceId, String manager) {
        AllianceRef a = AllianceRef.findById(allianceId);
        if (a == null) {
            a = new AllianceRef();
            a.allianceId = allianceId;
            a.manager = manager;
            a.persist();
        } else {
            a.manager = manager;
        }
    }

    /** A backlog item raised for an obligation becomes that obligation's current work; any other item is ignored. */
    public void itemRaised(String itemId, String allianceId, String sourceRef) {
        if (sourceRef == null || !sourceRef.startsWith(SOURCE) || sourceRef.length() == SOURCE.length()) {
            return;
        }
        String obligationId = sourceRef.substring(SOURCE.length());
        ObligationWork w = ObligationWork.findById(obligationId);
        if (w == null) {
            w = new ObligationWork();
            w.obligationId = obligationId;
            w.workOn(itemId, allianceId);
            w.persist();
        } else {
            w.workOn(itemId, allianceId);
        }
    }

    /** Null when the card was unassigned or taken off the board; an item no obligation owns changes nothing. */
    public void itemHeldBy(String itemId, String assignee) {
        ObligationWork.<ObligationWork>list("itemId", itemId).forEach(w -> w.heldBy(assignee));
    }

    public void obligationDue(UUID eventId, Instant occurredAt, NotificationRules.Obligation o, int leadTimeDays) {
        if (NotificationRules.staleObligationNews(occurredAt, clock.instant())) {
            return;
        }
        notifications.notify(eventId, NotificationRules.obligationDue(o, leadTimeDays, managerOf(o.allianceId()),
                holderOf(o.obligationId())));
    }

    public void obligationMissed(UUID eventId, Instant occurredAt, String obligationId, String allianceId,
                                 String title, String dueDate) {
        if (NotificationRules.staleObligationNews(occurredAt, clock.instant())) {
            return;
        }
        notifications.notify(eventId, NotificationRules.obligationMissed(allianceId, title, dueDate,
                managerOf(allianceId), holderOf(obligationId)));
    }

    private static String managerOf(String allianceId) {
        AllianceRef a = AllianceRef.findById(allianceId);
        return a == null ? null : a.manager;
    }

    private static String holderOf(String obligationId) {
        ObligationWork w = ObligationWork.findById(obligationId);
        return w == null ? null : w.assignee;
    }
}
