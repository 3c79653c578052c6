package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A backlog item on one sprint's board (a card). */
@Entity
@Table(name = "sprint_item")
public class SprintItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sprint_id", nullable = false)
    public UUID sprintId;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SprintItemStatus status;

    /** True while the item is committed to a sprint that has not closed: it can sit on one open board only. */
    @Column(nullable = false)
    public boolean open;

    @Enumerated(EnumType.STRING)
    @Column(name = "board_column", nullable = false)
    public BoardColumn column;

    public String assignee;

    @Enumerated(EnumType.STRING)
    public Disposition disposition;

    @Column(name = "override_capacity", nullable = false)
    public boolean overrideCapacity;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "committed_at", nullable = false)
    public Instant committedAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Version
    public long version;

    /** A new card of an item on a sprint's board; {@link #commit} puts it there. */
    public static SprintItem card(UUID sprintId, UUID itemId, String allianceId) {
        SprintItem card = new SprintItem();
        card.id = UUID.randomUUID();
        card.sprintId = sprintId;
        card.itemId = itemId;
        card.allianceId = allianceId;
        return card;
    }

    /**
     * Puts the card (back) in TODO of an open board, as if it had never been there.
     *
     * @param overrideReason why the sprint may go over capacity with it; null when it fits
     */
    public void commit(String assignee, String overrideReason, Instant now) {
        status = SprintItemStatus.COMMITTED;
        open = true;
        column = BoardColumn.TODO;
        this.assignee = assignee;
        disposition = null;
        overrideCapacity = overrideReason != null;
        this.overrideReason = overrideReason;
        committedAt = now;
        doneAt = null;
        removedAt = null;
    }

    /** Moves the card and/or hands it to someone; reaching DONE is when the work was done. */
    public void moveTo(BoardColumn target, String assignee, Instant now) {
        if (target != column) {
            doneAt = target == BoardColumn.DONE ? now : null;
        }
        column = target;
        this.assignee = assignee;
    }

    /** Takes the card off the board before the sprint closes; the item is a candidate again. */
    public void takeOff(Instant now) {
        status = SprintItemStatus.REMOVED;
        open = false;
        removedAt = now;
    }

    /** The sprint closed: a card in DONE is completed, any other is carried over to where {@code disposition} says. */
    public void close(Disposition carriedTo) {
        open = false;
        if (column == BoardColumn.DONE) {
            status = SprintItemStatus.COMPLETED;
        } else {
            status = SprintItemStatus.CARRIED_OVER;
            disposition = carriedTo;
        }
    }

    public static SprintItem find(UUID sprintId, UUID itemId) {
        return find("sprintId = ?1 and itemId = ?2", sprintId, itemId).firstResult();
    }

    public static SprintItem openFor(UUID itemId) {
        return find("itemId = ?1 and open = true", itemId).firstResult();
    }
}
