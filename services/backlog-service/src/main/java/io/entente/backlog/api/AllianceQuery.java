package io.entente.backlog.api;

import io.entente.backlog.domain.AlliancePhase;
import io.entente.backlog.domain.AllianceType;

import java.util.List;

/** The filters of the alliance list; several values of one filter mean "any of", an empty list "not filtered". */
public record AllianceQuery(List<AlliancePhase> phases, List<AllianceType> types, List<Integer> tiers,
                            String allianceManager) {
}
