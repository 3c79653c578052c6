package io.entente.notification.service;

import io.entente.notification.domain.AllianceRef;
import io.entente.notification.domain.NotificationRules;
import io.entente.notification.domain.ObligationWork;
import io.entente.notification.domain.SprintCrew;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Obligations coming due or missed, to their owners: the read models of who manages each alliance, who holds
 * each obligation's work item and which sprint's team works on it, and the notifications, in the consumer's
 * transaction.
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

    /** Null when the card was unassigned; an item no obligation owns changes nothing. */
    public void itemHeldBy(String itemId, String assignee) {
        ObligationWork.<ObligationWork>list("itemId", itemId).forEach(w -> w.heldBy(assignee));
    }

    /** Committed to a sprint, or carried over into the next one. */
    public void itemInSprint(String itemId, String sprintId) {
        ObligationWork.<ObligationWork>list("itemId", itemId).forEach(w -> w.inSprint(sprintId));
    }

    /** Taken off the board, or carried back to the backlog when its sprint closed. */
    public void itemOffTheBoard(String itemId) {
        ObligationWork.<ObligationWork>list("itemId", itemId).forEach(ObligationWork::offTheBoard);
    }

    /** Who works in the sprint; events written before the crew was named change nothing. */
    public void sprintCrew(String sprintId, List<String> members) {
        if (members != null) {
            SprintCrew.plan(sprintId, members);
        }
    }

    public void obligationDue(UUID eventId, Instant occurredAt, NotificationRules.Obligation o, int leadTimeDays) {
        if (NotificationRules.staleObligationNews(occurredAt, clock.instant())) {
            return;
        }
        ObligationWork w = ObligationWork.findById(o.obligationId());
        notifications.notify(eventId, NotificationRules.obligationDue(o, leadTimeDays, managerOf(o.allianceId()),
                w == null ? null : w.assignee, teamOf(w)));
    }

    public void obligationMissed(UUID eventId, Instant occurredAt, String obligationId, String allianceId,
                                 String title, String dueDate) {
        if (NotificationRules.staleObligationNews(occurredAt, clock.instant())) {
            return;
        }
        ObligationWork w = ObligationWork.findById(obligationId);
        notifications.notify(eventId, NotificationRules.obligationMissed(allianceId, title, dueDate,
                managerOf(allianceId), w == null ? null : w.assignee, teamOf(w)));
    }

    private static String managerOf(String allianceId) {
        AllianceRef a = AllianceRef.findById(allianceId);
        return a == null ? null : a.manager;
    }

    private static List<String> teamOf(ObligationWork w) {
        return w == null ? List.of() : SprintCrew.of(w.sprintId);
    }
}
