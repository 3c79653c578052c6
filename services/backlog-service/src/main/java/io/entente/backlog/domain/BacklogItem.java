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
}
