package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user as their own token last described them: mail address and alliances. Mail goes only to a recipient known
 * here and only about an alliance they belong to (need-to-know).
 */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;
    public String email;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] alliances;
    public boolean admin;
    public boolean partner;
    @Column(name = "seen_at")
    public Instant seenAt;

    /** Whether the token's description differs from what is stored (so a poll writes nothing when nothing changed). */
    public boolean differs(String email, Set<String> alliances, boolean admin, boolean partner) {
        return !java.util.Objects.equals(this.email, email) || this.admin != admin || this.partner != partner
                || !new TreeSet<>(Set.of(this.alliances)).equals(new TreeSet<>(alliances));
    }

    public void describe(String email, Set<String> alliances, boolean admin, boolean partner, Instant now) {
        this.email = email;
        this.alliances = new TreeSet<>(alliances).toArray(String[]::new);
        this.admin = admin;
        this.partner = partner;
        this.seenAt = now;
    }

    public boolean mayHear(String allianceId) {
        return admin || Set.of(alliances).contains(allianceId);
    }
}
