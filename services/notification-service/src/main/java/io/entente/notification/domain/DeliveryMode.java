package io.entente.notification.domain;

/**
 * How a user wants one kind delivered. Every mode keeps the in-app notification except {@code OFF};
 * {@code DIGEST} is stored but mailed like {@code IMMEDIATE} until the daily digest exists.
 */
public enum DeliveryMode {
    IMMEDIATE,
    DIGEST,
    OFF
}
