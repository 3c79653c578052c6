package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** What one person was told about one event. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    @Column(name = "alliance_id")
    public String allianceId;
    public String title;
    public String body;
    @Column(name = "partner_body")
    public String partnerBody;
    public String link;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
    /** Waits for its user's daily digest (DIGEST mode) instead of a mail of its own. */
    @Column(name = "digest_pending")
    public boolean digestPending;
    @Column(name = "digest_id")
    public UUID digestId;
    @Version
    public long version;

    public static Notification of(UUID eventId, Planned planned, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.eventId = eventId;
        n.recipient = planned.recipient();
        n.kind = planned.kind();
        n.allianceId = planned.allianceId();
        n.title = planned.title();
        n.body = planned.body();
        n.partnerBody = planned.partnerBody();
        n.link = planned.link();
        n.createdAt = now;
        return n;
    }

    /** What this reader may read of it: the partner edition for the partner company's people, null for nothing. */
    public String bodyFor(boolean partner) {
        return partner ? partnerBody : body;
    }

    /** Reading twice keeps the first time: the notification was read then. */
    public boolean markRead(Instant now) {
        if (readAt != null) {
            return false;
        }
        readAt = now;
        return true;
    }
}
