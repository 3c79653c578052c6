package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An alliance manager's capacity for alliance work, once someone set it (until then: the default). */
@Entity
@Table(name = "alliance_manager")
public class AllianceManager extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "hours_per_month", nullable = false)
    public int hoursPerMonth;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void setCapacity(int hours, Instant now) {
        if (hours < 0 || hours > 250) {
            throw new IllegalArgumentException("hours a month must be between 0 and 250");
        }
        hoursPerMonth = hours;
        updatedAt = now;
    }
}
