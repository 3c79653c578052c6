package io.entente.decision.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;

/** An alliance as announced by the backlog service, with the escalation ladder its charter sets. */
@Entity
@Table(name = "alliance")
public class Alliance extends PanacheEntityBase {

    @Id
    @Column(name = "alliance_id")
    public String allianceId;

    @Column(nullable = false)
    public String name;

    @Convert(converter = JsonColumns.Ladder.class)
    @Column(nullable = false)
    public List<LadderStep> ladder;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
