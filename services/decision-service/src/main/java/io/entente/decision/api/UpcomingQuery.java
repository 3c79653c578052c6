package io.entente.decision.api;

import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.domain.RiskState;

/**
 * What a stakeholder asks of the upcoming view; every filter is optional.
 *
 * @param body  the body holding the decision now, or the one it was put to
 * @param weeks how far ahead, 1 to 26
 */
public record UpcomingQuery(String allianceId, GovernanceBody body, RiskState risk, int weeks) {
}
