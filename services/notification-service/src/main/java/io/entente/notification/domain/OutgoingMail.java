package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A mail owed for a notification: written with the notification, sent by the mail relay, retried with backoff. */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail extends PanacheEntityBase {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    @Id
    public UUID id;
    @Column(name = "notification_id")
    public UUID notificationId;
    @Column(name = "digest_id")
    public UUID digestId;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    @Column(name = "created_at")
    public Instant createdAt;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "last_error")
    public String lastError;

    public static OutgoingMail of(Notification n, Instant now) {
        OutgoingMail mail = new OutgoingMail();
        mail.id = UUID.randomUUID();
        mail.notificationId = n.id;
        mail.recipient = n.recipient;
        mail.kind = n.kind;
        mail.createdAt = now;
        mail.nextAttemptAt = now;
        return mail;
    }

    /** The mail of a daily digest (no kind: it gathers several). */
    public static OutgoingMail of(Digest digest, Instant now) {
        OutgoingMail mail = new OutgoingMail();
        mail.id = UUID.randomUUID();
        mail.digestId = digest.id;
        mail.recipient = digest.userId;
        mail.createdAt = now;
        mail.nextAttemptAt = now;
        return mail;
    }

    public void sent(Instant now) {
        sentAt = now;
        lastError = null;
    }

    /** Nothing to send (no address, or no longer allowed): closed without a mail, so it is not retried. */
    public void dropped(String why, Instant now) {
        sentAt = now;
        lastError = why;
    }

    /** The server refused or was down: try again later, doubling the wait up to {@link #MAX_RETRY}. */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 500));
        nextAttemptAt = now.plus(backoff(attempts));
    }

    public static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }
}
