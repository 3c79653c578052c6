package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A specialist team: one kind of alliance work (its disciplines) across the alliances it covers. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> disciplines = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> alliances = new ArrayList<>();

    @Column(name = "wip_todo")
    public Integer wipTodo;

    @Column(name = "wip_in_progress")
    public Integer wipInProgress;

    @Column(name = "wip_in_review")
    public Integer wipInReview;

    @Column(name = "wip_done")
    public Integer wipDone;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The column's WIP limit, or null when the column is unlimited. */
    public Integer wipLimit(BoardColumn column) {
        return switch (column) {
            case TODO -> wipTodo;
            case IN_PROGRESS -> wipInProgress;
            case IN_REVIEW -> wipInReview;
            case DONE -> wipDone;
        };
    }

    public void setWipLimit(BoardColumn column, Integer limit) {
        switch (column) {
            case TODO -> wipTodo = limit;
            case IN_PROGRESS -> wipInProgress = limit;
            case IN_REVIEW -> wipInReview = limit;
            case DONE -> wipDone = limit;
        }
    }
}
