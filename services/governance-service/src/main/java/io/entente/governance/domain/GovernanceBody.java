package io.entente.governance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A committee of one alliance: who sits on it, how often it meets and what it may decide. */
@Entity
@Table(name = "governance_body")
public class GovernanceBody extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BodyType type;

    @Column(nullable = false)
    public String name;

    public int quorum;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cadence cadence;

    @Column(name = "decision_rights")
    public String decisionRights;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "members_json", nullable = false)
    public List<Member> members = List.of();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<Member> members() {
        return members == null ? List.of() : List.copyOf(members);
    }

    public void members(List<Member> members) {
        this.members = List.copyOf(members);
    }
}
