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

/** One partnership in the portfolio. The key (e.g. ONC-HELIX) is its id everywhere in Entente. */
@Entity
@Table(name = "alliance")
public class Alliance extends PanacheEntityBase {

    @Id
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AllianceType type;

    @Column(nullable = false)
    public int tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlliancePhase phase;

    @Column(name = "value_score", nullable = false)
    public int valueScore;

    @Column(name = "complexity_score", nullable = false)
    public int complexityScore;

    @Column(name = "alliance_manager", nullable = false)
    public String allianceManager;

    @Column(name = "start_date")
    public LocalDate startDate;

    /** A risk scoring at or above this raises a follow-up item and shows as "over threshold" in packets. */
    @Column(name = "risk_threshold", nullable = false)
    public int riskThreshold;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The next lifecycle phase; only the moves {@link AlliancePhase#canMoveTo} allows. */
    public void moveTo(AlliancePhase next, Instant now) {
        if (!phase.canMoveTo(next)) {
            throw new IllegalStateException("alliance " + key + " cannot move from " + phase + " to " + next);
        }
        phase = next;
        updatedAt = now;
    }
}
