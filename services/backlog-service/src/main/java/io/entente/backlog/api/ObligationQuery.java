package io.entente.backlog.api;

import io.entente.backlog.domain.ObligationKind;
import io.entente.backlog.domain.ObligationStatus;
import io.entente.backlog.domain.OwedBy;

import java.time.LocalDate;
import java.util.List;

/** The filters of the obligation list; several values of one filter mean "any of", an empty list "not filtered". */
public record ObligationQuery(List<String> allianceIds, List<ObligationStatus> statuses, List<ObligationKind> kinds,
                              List<OwedBy> owedBy, LocalDate dueBefore) {
}
