package io.entente.notification.api;

import io.entente.notification.domain.Notification;
import io.entente.notification.domain.NotificationKind;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it; {@code link} is a path in the web app. */
public record NotificationView(UUID id, NotificationKind kind, String allianceId, String title, String body,
                               String link, Instant createdAt, Instant readAt) {

    /** {@code partner}: the reader is the partner company's person, who reads the partner edition's text. */
    public static NotificationView of(Notification n, boolean partner) {
        return new NotificationView(n.id, n.kind, n.allianceId, n.title, n.bodyFor(partner), n.link, n.createdAt,
                n.readAt);
    }
}
