package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One user's daily digest: the notifications of the kinds they chose DIGEST for, in one mail. */
@Entity
@Table(name = "digest")
public class Digest extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    public LocalDate day;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Digest of(String userId, LocalDate day, Instant now) {
        Digest d = new Digest();
        d.id = UUID.randomUUID();
        d.userId = userId;
        d.day = day;
        d.createdAt = now;
        return d;
    }
}
