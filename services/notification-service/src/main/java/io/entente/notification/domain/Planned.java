package io.entente.notification.domain;

/** One notification a rule decided on, before it is stored: who, what kind, and what it says. */
public record Planned(String recipient, NotificationKind kind, String allianceId, String title, String body,
                      String link) {
}
