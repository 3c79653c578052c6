package io.entente.notification.domain;

/**
 * How a user wants one kind delivered. Every mode keeps the in-app notification except {@code OFF}; {@code DIGEST}
 * mails it in the user's daily digest instead of at once.
 */
public enum DeliveryMode {
    IMMEDIATE,
    DIGEST,
    OFF
}
