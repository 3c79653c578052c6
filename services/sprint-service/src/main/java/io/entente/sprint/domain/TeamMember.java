package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A person on a team. {@code pointsPerDay} is what they deliver on a fully available day for this team (their
 * allocation: someone shared with another team delivers less here).
 */
@Entity
@Table(name = "team_member")
public class TeamMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "team_role", nullable = false)
    public TeamRole teamRole;

    @Column(name = "points_per_day", nullable = false)
    public BigDecimal pointsPerDay;

    public static List<TeamMember> ofTeam(UUID teamId) {
        return list("teamId = ?1 order by displayName, userId", teamId);
    }

    public static boolean isMember(UUID teamId, String userId) {
        return count("teamId = ?1 and userId = ?2", teamId, userId) > 0;
    }
}
