package io.entente.decision.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A backlog item that prepares a decision, as far as backlog and sprint events tell. The backlog status and the
 * board column are kept apart because the two topics arrive in any order: either one saying DONE means done.
 */
@Entity
@Table(name = "prep_item")
public class PrepItem extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "alliance_id")
    public String allianceId;

    public String title;

    @Column(name = "backlog_status")
    public String backlogStatus;

    public boolean dropped;

    @Column(name = "sprint_id")
    public String sprintId;

    @Column(name = "board_column")
    public String boardColumn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What the backlog says about the item; the decision it prepares comes from the item's source reference. */
    public void describe(UUID decision, String alliance, String itemTitle, String status) {
        decisionId = decision;
        allianceId = alliance;
        title = itemTitle;
        backlogStatus = status;
    }

    public void drop() {
        dropped = true;
    }

    public void commitTo(String sprint) {
        if (!sprint.equals(sprintId)) {
            boardColumn = null;
        }
        sprintId = sprint;
    }

    /**
     * Only from the sprint it is in: a late removal from a previous sprint must not undo a newer commitment.
     *
     * @return whether it was in that sprint
     */
    public boolean removeFrom(String sprint) {
        if (!sprint.equals(sprintId)) {
            return false;
        }
        sprintId = null;
        boardColumn = null;
        return true;
    }

    /** A move on a board it is not committed to (the other sprint's events arrived late) changes nothing. */
    public void moveOnBoard(String sprint, String column) {
        if (sprintId == null || sprintId.equals(sprint)) {
            sprintId = sprint;
            boardColumn = column;
        }
    }

    /**
     * A closed sprint's unfinished item goes back to the backlog or on to the next sprint.
     *
     * @return whether it was in the closed sprint
     */
    public boolean carryOver(String closedSprint, String disposition, String nextSprint) {
        if (!closedSprint.equals(sprintId)) {
            return false;
        }
        sprintId = "NEXT_SPRINT".equals(disposition) && nextSprint != null ? nextSprint : null;
        boardColumn = null;
        return true;
    }

    public boolean isDone() {
        return "DONE".equals(backlogStatus) || "DONE".equals(boardColumn);
    }

    /** Dropped work no longer counts towards the decision's preparation. */
    public boolean counts() {
        return !dropped && !"DROPPED".equals(backlogStatus);
    }

    public boolean isInSprint() {
        return sprintId != null;
    }

    public static List<PrepItem> ofDecision(UUID decisionId) {
        return list("decisionId = ?1 order by title, itemId", decisionId);
    }
}
