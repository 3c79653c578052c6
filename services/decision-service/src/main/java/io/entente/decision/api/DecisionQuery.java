package io.entente.decision.api;

import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.domain.RiskState;

import java.time.LocalDate;

/**
 * The filters and position of one page of the decision list; every filter is optional.
 *
 * @param allianceId only this alliance (within those the caller may see)
 * @param body       the governance body holding the decision now (after escalation, the body it moved up to)
 * @param involving  {@code me}: only decisions where the caller is driver, approver, contributor or informed
 * @param sort       dueDate (default) or createdAt, prefixed with - for descending
 * @param after      the {@code next} cursor of the previous page
 */
public record DecisionQuery(String allianceId, DecisionStatus status, GovernanceBody body, RiskState risk,
                            String involving, LocalDate dueFrom, LocalDate dueTo, String sort, Integer limit,
                            String after) {
}
