package io.entente.decision.domain;

import java.time.Instant;

/**
 * One step up the escalation ladder: raised when the decision moved to {@code toBody}, resolved when the matter was
 * settled (decided, withdrawn or deferred to a new date); null while it is still open.
 */
public record DecisionEscalation(int level, String toBody, Instant raisedAt, Instant resolvedAt) {

    public boolean openAt(Instant at) {
        return raisedAt.isBefore(at) && (resolvedAt == null || resolvedAt.isAfter(at));
    }

    DecisionEscalation resolved(Instant at) {
        return resolvedAt != null ? this : new DecisionEscalation(level, toBody, raisedAt, at);
    }
}
