package io.entente.events.backlog;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.time.LocalDate;

/**
 * What happens to a risk in an alliance's register. Aggregate id = risk id. Likelihood and impact are internal
 * ratings: a partner edition of a packet must not show them.
 */
@Aggregate("risk")
public sealed interface RiskEvent extends DomainEvent permits RiskEvent.RiskRaised, RiskEvent.RiskScored,
        RiskEvent.RiskUpdated, RiskEvent.RiskClosed {

    String riskId();

    @Override
    default String aggregateId() {
        return riskId();
    }

    record RiskRaised(String riskId, String allianceId, String title, String category, int likelihood, int impact,
                      int score, String owner, String mitigation, String status, LocalDate nextReviewDate,
                      boolean aboveThreshold) implements RiskEvent {
    }

    record RiskScored(String riskId, String allianceId, int likelihood, int impact, int score, int previousScore,
                      boolean aboveThreshold, LocalDate nextReviewDate) implements RiskEvent {
    }

    /** Descriptive fields changed (not the rating: that is {@link RiskScored}); the risk's state after the change. */
    record RiskUpdated(String riskId, String allianceId, String title, String category, String owner,
                       String mitigation, String status, LocalDate nextReviewDate) implements RiskEvent {
    }

    record RiskClosed(String riskId, String allianceId, String reason) implements RiskEvent {
    }
}
