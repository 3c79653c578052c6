package io.entente.notification.api;

public record UnreadCount(long unread) {
}
