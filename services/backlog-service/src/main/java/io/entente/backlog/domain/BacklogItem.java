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

    public Integer estimate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemStatus status;

    public String rank;

    @Column(name = "source_ref")
    public String sourceRef;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
