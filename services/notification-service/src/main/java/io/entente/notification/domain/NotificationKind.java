package io.entente.notification.domain;

/** What a notification is about; each kind has its own delivery preference per user. */
public enum NotificationKind {
    DECISION_AT_RISK,
    DECISION_OVERDUE,
    DECISION_ESCALATED,
    DECISION_DECIDED,
    CARD_ASSIGNED,
    ACTION_ITEM_ASSIGNED,
    PACKET_PUBLISHED,
    MINUTES_APPROVED,
    PULSE_SURVEY,
    OBLIGATION_DUE,
    OBLIGATION_MISSED
}
