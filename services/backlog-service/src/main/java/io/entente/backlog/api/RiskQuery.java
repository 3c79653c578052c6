package io.entente.backlog.api;

import io.entente.backlog.domain.RiskCategory;
import io.entente.backlog.domain.RiskStatus;

import java.util.List;

/**
 * The filters of the risk register; several values of one filter mean "any of", an empty list "not filtered".
 *
 * @param aboveThreshold true: only risks at or above their alliance's threshold; false: only those below; null: all
 */
public record RiskQuery(List<String> allianceIds, List<RiskStatus> statuses, List<RiskCategory> categories,
                        Boolean aboveThreshold) {
}
