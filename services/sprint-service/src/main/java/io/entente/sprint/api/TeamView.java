package io.entente.sprint.api;

import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import io.entente.sprint.domain.TeamRole;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A team as a reader sees it: only the covered alliances the reader may see are named; the others are counted.
 */
public record TeamView(UUID id, String name, String description, List<String> disciplines, List<String> alliances,
                       int restrictedAlliances, List<MemberView> members, Map<BoardColumn, Integer> wipLimits,
                       long version, Instant createdAt, Instant updatedAt) {

    public record MemberView(String userId, String displayName, TeamRole role, BigDecimal pointsPerDay) {
    }

    public static TeamView of(Team team, List<TeamMember> members, Predicate<String> canSee) {
        List<String> visible = team.alliances.stream().filter(canSee).toList();
        Map<BoardColumn, Integer> limits = new EnumMap<>(BoardColumn.class);
        for (BoardColumn column : BoardColumn.values()) {
            if (team.wipLimit(column) != null) {
                limits.put(column, team.wipLimit(column));
            }
        }
        return new TeamView(team.id, team.name, team.description, List.copyOf(team.disciplines), visible,
                team.alliances.size() - visible.size(),
                members.stream().map(m -> new MemberView(m.userId, m.displayName, m.teamRole, m.pointsPerDay)).toList(),
                limits, team.version, team.createdAt, team.updatedAt);
    }
}
