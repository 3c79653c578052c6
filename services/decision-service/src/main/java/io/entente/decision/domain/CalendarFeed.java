package io.entente.decision.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * A user's calendar subscription. Calendar clients fetch it without a token, so what the user may see is captured
 * when the feed is created or rotated; rotating after a change of membership refreshes it.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> alliances;

    @Column(name = "all_alliances", nullable = false)
    public boolean allAlliances;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "rotated_at", nullable = false)
    public Instant rotatedAt;

    /** A new secret (the old URL stops working), showing what the user may see now. */
    public void rotate(String newSecretHash, List<String> visibleAlliances, boolean everyAlliance,
                       List<String> userRoles, Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        secretHash = newSecretHash;
        alliances = List.copyOf(visibleAlliances);
        allAlliances = everyAlliance;
        roles = List.copyOf(userRoles);
        rotatedAt = now;
    }
}
