package io.entente.governance.api;

import java.time.Instant;

/**
 * The caller's own survey link for a meeting. {@code status} is {@code NONE} when they were not invited (not an
 * attendee under their login, or the minutes are not approved yet); {@code url} only while the link is {@code OPEN}.
 */
public record MyPulseInvitationView(String status, String url, Instant expiresAt) {
}
