package io.entente.governance.domain;

import io.entente.platform.security.Internal;

/**
 * One line of a meeting's agenda. {@code internalNote} is our side's preparation note (e.g. a negotiation position)
 * and never reaches a partner edition.
 */
public record AgendaItem(String id, String section, String title, String presenter, int durationMinutes,
                         Purpose purpose, String decisionId, String backlogItemId, @Internal String internalNote) {
}
