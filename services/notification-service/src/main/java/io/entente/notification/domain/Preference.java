package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A user's choice for one kind; no row means {@link DeliveryMode#IMMEDIATE}. */
@Entity
@Table(name = "notification_preference")
public class Preference extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "user_id") String userId,
                      @Enumerated(EnumType.STRING) @Column(name = "kind") NotificationKind kind) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public DeliveryMode mode;

    public static Preference of(String userId, NotificationKind kind, DeliveryMode mode) {
        Preference p = new Preference();
        p.key = new Key(userId, kind);
        p.mode = mode;
        return p;
    }
}
