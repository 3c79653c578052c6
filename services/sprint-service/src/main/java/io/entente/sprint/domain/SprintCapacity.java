package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One member's capacity in one sprint. */
@Entity
@Table(name = "sprint_capacity")
public class SprintCapacity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sprint_id", nullable = false)
    public UUID sprintId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    @Column(name = "absence_days", nullable = false)
    public int absenceDays;

    @Column(name = "points_per_day", nullable = false)
    public BigDecimal pointsPerDay;

    @Column(name = "capacity_points", nullable = false)
    public int capacityPoints;

    public static List<SprintCapacity> ofSprint(UUID sprintId) {
        return list("sprintId = ?1 order by displayName, userId", sprintId);
    }
}
