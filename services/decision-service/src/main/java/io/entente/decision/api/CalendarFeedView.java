package io.entente.decision.api;

import java.time.Instant;
import java.util.List;

/**
 * A calendar subscription. {@code url} carries the secret and is only returned when the feed is created or
 * rotated; keep it like a password.
 */
public record CalendarFeedView(String url, List<String> alliances, boolean allAlliances, Instant createdAt,
                               Instant rotatedAt) {
}
