package io.entente.backlog.api;

import io.entente.backlog.domain.Risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A register entry; {@code aboveThreshold} means the score is at or above the alliance's {@code threshold}. */
public record RiskView(UUID id, String allianceId, String title, String category, int likelihood, int impact,
                       int score, int threshold, boolean aboveThreshold, String owner, String mitigation,
                       String status, LocalDate nextReviewDate, String closedReason, long version,
                       Instant createdAt, Instant updatedAt) {

    public static RiskView of(Risk r, int threshold) {
        return new RiskView(r.id, r.allianceId, r.title, r.category.name(), r.likelihood, r.impact, r.score,
                threshold, r.score >= threshold, r.owner, r.mitigation, r.status.name(), r.nextReviewDate,
                r.closedReason, r.version, r.createdAt, r.updatedAt);
    }
}
