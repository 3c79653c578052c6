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

/** An entry in an alliance's risk register. Likelihood and impact are internal ratings. */
@Entity
@Table(name = "risk")
public class Risk extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskCategory category;

    @Column(nullable = false)
    public int likelihood;

    @Column(nullable = false)
    public int impact;

    /** Kept as a column so the register sorts and filters by it. */
    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public String owner;

    public String mitigation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskStatus status;

    @Column(name = "next_review_date")
    public LocalDate nextReviewDate;

    @Column(name = "closed_reason")
    public String closedReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public RiskRating rating() {
        return new RiskRating(likelihood, impact);
    }

    public boolean isClosed() {
        return status == RiskStatus.CLOSED;
    }

    /** A new rating (and review date, when one is given); answers the score before it. */
    public int reassess(RiskRating rating, LocalDate reviewOn, Instant now) {
        int previous = score;
        rate(rating);
        if (reviewOn != null) {
            nextReviewDate = reviewOn;
        }
        updatedAt = now;
        return previous;
    }

    /** Sets likelihood, impact and the score kept for sorting, together. */
    public void rate(RiskRating rating) {
        likelihood = rating.likelihood();
        impact = rating.impact();
        score = rating.score();
    }

    public void close(String reason, Instant now) {
        if (isClosed()) {
            throw new IllegalStateException("risk " + id + " is already closed");
        }
        status = RiskStatus.CLOSED;
        closedReason = reason;
        updatedAt = now;
    }
}
