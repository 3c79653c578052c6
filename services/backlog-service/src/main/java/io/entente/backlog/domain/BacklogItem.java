package io.entente.backlog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A piece of alliance work waiting to be pulled into a specialist team's sprint. */
@Entity
@Table(name = "backlog_item")
public class BacklogItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Discipline discipline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemType type;

    /** Story points. */
    public Integer estimate;

    /** Who benefits from the item (e.g. "JSC co-chairs", "Helix finance"). */
    public String beneficiary;

    /** How much it is worth to them, 1 (nice to have) to 10 (contractual or critical). */
    @Column(name = "stakeholder_value")
    public Integer stakeholderValue;

    /** The person accountable, when known (an action item's owner, a decision's driver). */
    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemStatus status;

    /** See {@link Ranks}: unique, byte-ordered (collation "C"). */
    @Column(nullable = false)
    public String rank;

    @Column(name = "source_ref")
    public String sourceRef;

    @Column(name = "sprint_id")
    public String sprintId;

    @Column(name = "done_at")
    public Instant doneAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isClosed() {
        return status == ItemStatus.DONE || status == ItemStatus.DROPPED;
    }

    /** Whether a user may set {@code next} on this item: planning moves only between NEW and READY. */
    public boolean canPlanAs(ItemStatus next) {
        return isPlanning(status) && isPlanning(next);
    }

    /** The planning status (NEW or READY) a user set; the sprint board sets the others. */
    public void planAs(ItemStatus next) {
        if (next != status && !canPlanAs(next)) {
            throw new IllegalStateException("item " + id + " cannot move from " + status + " to " + next);
        }
        status = next;
    }

    /** Ends an item that will not be done. */
    public void drop(Instant now) {
        if (isClosed()) {
            throw new IllegalStateException("item " + id + " is already " + status);
        }
        status = ItemStatus.DROPPED;
        updatedAt = now;
    }

    /**
     * The owner of the action item this item carries says it is done. False when the item is closed already (the
     * report seen again, or the item dropped meanwhile).
     */
    public boolean reportedDone(Instant now) {
        if (isClosed()) {
            return false;
        }
        status = ItemStatus.DONE;
        doneAt = now;
        updatedAt = now;
        return true;
    }

    /** A new place in the backlog. */
    public void rankAt(String newRank, Instant now) {
        rank = newRank;
        updatedAt = now;
    }

    /**
     * Mirrors the sprint board: the item's status, sprint and completion time as the sprint service last said.
     * A dropped item stays dropped. False when nothing changed (an event seen again, or one about a dropped item).
     */
    public boolean followSprint(ItemStatus boardStatus, String boardSprintId, Instant boardDoneAt) {
        if (status == ItemStatus.DROPPED || status == boardStatus && Objects.equals(sprintId, boardSprintId)
                && Objects.equals(doneAt, boardDoneAt)) {
            return false;
        }
        status = boardStatus;
        sprintId = boardSprintId;
        doneAt = boardDoneAt;
        return true;
    }

    private static boolean isPlanning(ItemStatus s) {
        return s == ItemStatus.NEW || s == ItemStatus.READY;
    }
}
