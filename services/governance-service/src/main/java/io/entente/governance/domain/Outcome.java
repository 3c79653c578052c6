package io.entente.governance.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What came of one agenda item. A decision outcome names the decision and the chosen option; an action outcome the
 * action item it raised, its owner and due date.
 */
public record Outcome(String id, String agendaItemId, OutcomeType type, String notes, String decisionId,
                      String chosenOption, String rationale, String actionItemId, String actionTitle, String owner,
                      LocalDate dueDate, Instant recordedAt, String recordedBy) {
}
