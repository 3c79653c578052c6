package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What the alliance events say about an alliance: its name for swimlane titles, and tier, phase, scores and manager
 * for the workload.
 */
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

    /** The phase name as the event carried it (text, so that a phase this service does not know is kept). */
    public String phase;

    @Column(name = "value_score")
    public Integer valueScore;

    @Column(name = "complexity_score")
    public Integer complexityScore;

    @Column(name = "alliance_manager")
    public String allianceManager;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
