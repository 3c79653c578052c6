package io.entente.notification.api;

import io.entente.notification.domain.Notification;
import io.entente.notification.domain.NotificationKind;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it; {@code link} is a path in the web app. */
public record NotificationView(UUID id, NotificationKind kind, String allianceId, String title, String body,
                               String link, Instant createdAt, Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.allianceId, n.title, n.body, n.link, n.createdAt, n.readAt);
    }
}
