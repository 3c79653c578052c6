package io.entente.decision.api;

import java.time.Instant;

/**
 * A decision as a meeting's minutes record it. The ids are as the governance service sent them: a decision id that
 * is not one of ours is ignored, not refused.
 *
 * @param recordedAt when the minutes recorded it; null for now
 */
public record MeetingOutcome(String decisionId, String allianceId, String meetingId, String chosenOption,
                             String rationale, String recordedBy, Instant recordedAt) {
}
