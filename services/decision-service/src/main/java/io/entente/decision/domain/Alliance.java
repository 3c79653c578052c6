package io.entente.decision.domain;

import io.entente.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<LadderStep> ladder;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** An alliance first heard of starts on the ladder a charter typically sets. */
    public static Alliance announced(String allianceId) {
        Alliance alliance = new Alliance();
        alliance.allianceId = allianceId;
        alliance.ladder = EscalationLadder.DEFAULT;
        return alliance;
    }

    public void rename(String newName, Instant now) {
        name = newName == null || newName.isBlank() ? allianceId : newName;
        updatedAt = now;
    }

    /** The ladder from the alliance's charter; one that cannot work is a 400 naming {@code steps}. */
    public void replaceLadder(List<LadderStep> steps, Instant now) {
        String problem = EscalationLadder.problemWith(steps);
        if (problem != null) {
            throw Problems.invalid("steps", problem);
        }
        ladder = steps;
        updatedAt = now;
    }
}
