package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The alliance names the board shows as swimlane titles, kept current from alliance events. */
@Entity
@Table(name = "alliance_copy")
public class AllianceCopy extends PanacheEntityBase {

    @Id
    @Column(name = "alliance_id")
    public String allianceId;

    @Column(nullable = false)
    public String name;

    public String partner;

    public Integer tier;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
