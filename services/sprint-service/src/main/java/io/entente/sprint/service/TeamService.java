package io.entente.sprint.service;

import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.KeyListConverter;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import io.entente.sprint.rest.Cursor;
import io.entente.sprint.rest.Page;
import io.entente.sprint.rest.TeamRequest;
import io.entente.sprint.rest.TeamView;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Specialist teams. Teams carry no event of their own (nothing outside this service needs them): every change is
 * audited; the sprint events name the team.
 */
@ApplicationScoped
@Transactional
public class TeamService {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final Clock clock;

    public TeamService(ChangeLog changes, CurrentUser user, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.clock = clock;
    }

    public TeamView create(TeamRequest request) {
        validate(request);
        for (String alliance : request.alliances()) {
            user.requireAlliance(alliance, "alliance", alliance);
        }
        requireUniqueName(request.name().strip(), null);
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.createdAt = clock.instant();
        apply(team, request, new ArrayList<>(new LinkedHashSet<>(request.alliances())));
        team.persist();
        List<TeamMember> members = replaceMembers(team, request.members());
        TeamView view = TeamView.of(team, members, Visibility.everything());
        changes.auditOnly("TeamCreated", "team", team.id.toString(), null, null, view);
        return TeamView.of(team, members, Visibility.of(user));
    }

    public TeamView update(UUID id, String ifMatch, TeamRequest request) {
        Team team = require(id);
        ETags.requireMatch(ifMatch, team.version);
        validate(request);
        // Alliances the editor cannot see stay covered: an editor must not drop what they cannot see.
        Set<String> kept = new LinkedHashSet<>();
        for (String alliance : request.alliances()) {
            user.requireAlliance(alliance, "alliance", alliance);
            kept.add(alliance);
        }
        team.alliances.stream().filter(a -> !user.canSee(a)).forEach(kept::add);
        requireUniqueName(request.name().strip(), team.id);
        TeamView before = TeamView.of(team, TeamMember.ofTeam(team.id), Visibility.everything());
        apply(team, request, new ArrayList<>(kept));
        List<TeamMember> members = replaceMembers(team, request.members());
        Team.getEntityManager().flush();
        TeamView after = TeamView.of(team, members, Visibility.everything());
        changes.auditOnly("TeamUpdated", "team", team.id.toString(), null, before, after);
        return TeamView.of(team, members, Visibility.of(user));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView get(UUID id) {
        Team team = require(id);
        return TeamView.of(team, TeamMember.ofTeam(id), Visibility.of(user));
    }

    /** Teams sorted by name; filters: a discipline served, an alliance covered, a member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamView> list(String discipline, String alliance, String member, int limit, String after) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (discipline != null) {
            where.append(" and cast(disciplines as String) like :discipline");
            params.and("discipline", KeyListConverter.containing(discipline));
        }
        if (alliance != null) {
            if (!user.canSee(alliance)) {
                return new Page<>(List.of(), null);
            }
            where.append(" and cast(alliances as String) like :alliance");
            params.and("alliance", KeyListConverter.containing(alliance));
        }
        if (member != null) {
            where.append(" and id in (select m.teamId from TeamMember m where m.userId = :member)");
            params.and("member", member);
        }
        if (after != null) {
            List<String> cursor = Cursor.decode(after, 2);
            where.append(" and (name > :afterName or (name = :afterName and id > :afterId))");
            params.and("afterName", cursor.get(0)).and("afterId", parseUuid(cursor.get(1)));
        }
        List<Team> teams = Team.<Team>find(where + " order by name, id", params).page(0, limit + 1).list();
        boolean more = teams.size() > limit;
        List<Team> page = more ? teams.subList(0, limit) : teams;
        Map<UUID, List<TeamMember>> members = page.isEmpty() ? Map.of()
                : TeamMember.<TeamMember>list("teamId in ?1 order by displayName, userId",
                        page.stream().map(t -> t.id).toList())
                .stream().collect(Collectors.groupingBy(m -> m.teamId));
        Visibility visibility = Visibility.of(user);
        List<TeamView> views = page.stream()
                .map(t -> TeamView.of(t, members.getOrDefault(t.id, List.of()), visibility)).toList();
        Team last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page<>(views, more ? Cursor.encode(last.name, last.id) : null);
    }

    static Team require(UUID id) {
        Team team = Team.findById(id);
        if (team == null) {
            throw Problems.notFound("team", id);
        }
        return team;
    }

    static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("after", "not a cursor from this list; use the 'next' value of the previous page");
        }
    }

    private void apply(Team team, TeamRequest request, List<String> alliances) {
        team.name = request.name().strip();
        team.description = request.description();
        team.disciplines = new ArrayList<>(new LinkedHashSet<>(request.disciplines()));
        team.alliances = alliances;
        for (BoardColumn column : BoardColumn.values()) {
            team.setWipLimit(column, request.wipLimits() == null ? null : request.wipLimits().get(column));
        }
        team.updatedAt = clock.instant();
    }

    private List<TeamMember> replaceMembers(Team team, List<TeamRequest.Member> requested) {
        TeamMember.delete("teamId", team.id);
        TeamMember.getEntityManager().flush();
        List<TeamMember> members = new ArrayList<>();
        for (TeamRequest.Member m : requested) {
            TeamMember member = new TeamMember();
            member.id = UUID.randomUUID();
            member.teamId = team.id;
            member.userId = m.userId().strip();
            member.displayName = m.displayName().strip();
            member.teamRole = m.role();
            member.pointsPerDay = m.pointsPerDay();
            member.persist();
            members.add(member);
        }
        members.sort((a, b) -> a.displayName.compareTo(b.displayName));
        return members;
    }

    private static void validate(TeamRequest request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.members().size(); i++) {
            if (!seen.add(request.members().get(i).userId().strip())) {
                throw Problems.invalid("members[" + i + "].userId",
                        request.members().get(i).userId() + " is listed twice");
            }
        }
    }

    private static void requireUniqueName(String name, UUID self) {
        Team other = Team.find("lower(name) = ?1", name.toLowerCase()).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw Problems.conflict("a team named '" + other.name + "' already exists");
        }
    }
}
