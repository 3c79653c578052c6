package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Read model: the work item of an obligation's current occurrence (from the backlog item's source), who holds its
 * board card (from the sprint board's assignments) and the sprint it is in, so that the people doing the work hear
 * when it comes due and when it is missed.
 */
@Entity
@Table(name = "obligation_work")
public class ObligationWork extends PanacheEntityBase {

    @Id
    @Column(name = "obligation_id")
    public String obligationId;
    @Column(name = "item_id")
    public String itemId;
    @Column(name = "alliance_id")
    public String allianceId;
    public String assignee;
    @Column(name = "sprint_id")
    public String sprintId;

    /** A new occurrence's item starts unassigned; the same item seen again (an update) keeps its holder. */
    public void workOn(String itemId, String allianceId) {
        if (!itemId.equals(this.itemId)) {
            this.assignee = null;
            this.sprintId = null;
        }
        this.itemId = itemId;
        this.allianceId = allianceId;
    }

    public void heldBy(String assignee) {
        this.assignee = assignee;
    }

    public void inSprint(String sprintId) {
        this.sprintId = sprintId;
    }

    /** Back in the backlog: nobody holds the card and no sprint's team works on it. */
    public void offTheBoard() {
        this.assignee = null;
        this.sprintId = null;
    }
}
