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

    public static SprintItem find(UUID sprintId, UUID itemId) {
        return find("sprintId = ?1 and itemId = ?2", sprintId, itemId).firstResult();
    }

    public static SprintItem openFor(UUID itemId) {
        return find("itemId = ?1 and open = true", itemId).firstResult();
    }
}
