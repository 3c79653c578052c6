package io.entente.governance.domain;

import io.entente.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An action from a meeting's minutes; worked as a backlog item, whose status it mirrors. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "agenda_item_id")
    public String agendaItemId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String owner;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When it was done or dropped; null while open. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "reported_done_at")
    public Instant reportedDoneAt;

    @Column(name = "reported_done_by")
    public String reportedDoneBy;

    /**
     * The owner says the work is done. The status stays OPEN: it follows the backlog item, which the backlog
     * service closes on this report.
     */
    public void reportDone(String by, Instant now) {
        if (status != ActionStatus.OPEN) {
            throw Problems.rule("action-item-not-open", "action item " + id + " is " + status + ", not OPEN");
        }
        reportedDoneAt = now;
        reportedDoneBy = by;
        updatedAt = now;
    }

    /** Follows the backlog item that carries it: done, dropped, or open again. */
    public void follow(ActionStatus next, Instant now) {
        status = next;
        closedAt = next == ActionStatus.OPEN ? null : now;
        updatedAt = now;
    }

    /** A new open action item from an agenda item's outcome. */
    public static ActionItem raise(String allianceId, UUID meetingId, String agendaItemId, String title, String owner,
                                   LocalDate dueDate, Instant now) {
        ActionItem action = new ActionItem();
        action.id = UUID.randomUUID();
        action.allianceId = allianceId;
        action.meetingId = meetingId;
        action.agendaItemId = agendaItemId;
        action.title = title;
        action.owner = owner;
        action.dueDate = dueDate;
        action.status = ActionStatus.OPEN;
        action.raisedAt = now;
        action.updatedAt = now;
        return action;
    }
}
