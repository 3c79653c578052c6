package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The sprint service's copy of a backlog item, kept current from backlog-item events. */
@Entity
@Table(name = "backlog_item_copy")
public class BacklogItemCopy extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String discipline;

    @Column(nullable = false)
    public String type;

    public Integer estimate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(nullable = false)
    public String status;

    public String rank;

    public boolean dropped;

    /** Ids of the items that must be done first; null while the backlog has not said. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "depends_on", columnDefinition = "text[]")
    public List<String> dependsOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
