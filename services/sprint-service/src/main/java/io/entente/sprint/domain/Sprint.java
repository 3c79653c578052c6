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
import java.time.LocalDate;
import java.util.UUID;

/** A team's time-box. Spans alliances: its items carry theirs. */
@Entity
@Table(name = "sprint")
public class Sprint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String name;

    public String goal;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SprintState state;

    /** Sum of the members' capacities, kept with the sprint so lists and events need no join. */
    @Column(name = "capacity_points", nullable = false)
    public int capacityPoints;

    /** Recorded when the sprint closes: what was on the board and what was done (the velocity). */
    @Column(name = "committed_points")
    public Integer committedPoints;

    @Column(name = "completed_points")
    public Integer completedPoints;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A planned sprint starts; the caller has checked that the team runs no other. */
    public void start(Instant now) {
        state = SprintState.ACTIVE;
        startedAt = now;
        updatedAt = now;
    }

    /** An active sprint closes and records its velocity: what was on the board and what was done. */
    public void close(int committed, int completed, Instant now) {
        state = SprintState.CLOSED;
        closedAt = now;
        updatedAt = now;
        committedPoints = committed;
        completedPoints = completed;
    }

    public boolean isOpen() {
        return state != SprintState.CLOSED;
    }
}
