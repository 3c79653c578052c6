package io.entente.sprint.service;

import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import io.entente.sprint.api.TeamRequest;
import io.entente.sprint.api.TeamView;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import jakarta.persistence.EntityManager;
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

    private static final Keyset<Team> TEAMS = Keyset.of(Team.class, "id", t -> t.id, UUID::fromString);
    private static final SortKey<Team> BY_NAME = SortKey.of("name", "e.name", name -> name, t -> t.name);

    private final ChangeLog changes;
    private final CurrentUser user;
    private final Clock clock;
    private final EntityManager em;

    public TeamService(ChangeLog changes, CurrentUser user, Clock clock, EntityManager em) {
        this.changes = changes;
        this.user = user;
        this.clock = clock;
        this.em = em;
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
        changes.auditOnly("TeamCreated", "team", team.id.toString(), null, null, TeamState.of(team, members));
        return TeamView.of(team, members, Visibility.of(user)::canSee);
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
        TeamState before = TeamState.of(team, TeamMember.ofTeam(team.id));
        apply(team, request, new ArrayList<>(kept));
        List<TeamMember> members = replaceMembers(team, request.members());
        Team.getEntityManager().flush();
        changes.auditOnly("TeamUpdated", "team", team.id.toString(), null, before, TeamState.of(team, members));
        return TeamView.of(team, members, Visibility.of(user)::canSee);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView get(UUID id) {
        Team team = require(id);
        return TeamView.of(team, TeamMember.ofTeam(id), Visibility.of(user)::canSee);
    }

    /** Teams sorted by name; filters: a discipline served, an alliance covered, a member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamView> list(String discipline, String alliance, String member, int limit, String after) {
        if (alliance != null && !user.canSee(alliance)) {
            return Page.empty();
        }
        Where where = Where.all()
                .and("array_contains(e.disciplines, :discipline)", "discipline", discipline)
                .and("array_contains(e.alliances, :alliance)", "alliance", alliance)
                .and("e.id in (select m.teamId from TeamMember m where m.userId = :member)", "member", member);
        Page<Team> page = TEAMS.page(em, where, BY_NAME, after, limit);
        List<UUID> ids = page.items().stream().map(t -> t.id).toList();
        Map<UUID, List<TeamMember>> members = ids.isEmpty() ? Map.of()
                : TeamMember.<TeamMember>list("teamId in ?1 order by displayName, userId", ids)
                .stream().collect(Collectors.groupingBy(m -> m.teamId));
        Visibility visibility = Visibility.of(user);
        return page.map(t -> TeamView.of(t, members.getOrDefault(t.id, List.of()), visibility::canSee));
    }

    /**
     * A team as its audit trail keeps it: members and WIP limits as text, so that a history shows who joined or left
     * and which limit changed rather than nested objects.
     */
    record TeamState(String name, String description, List<String> disciplines, List<String> alliances,
                     List<String> members, String wipLimits, long version) {

        static TeamState of(Team team, List<TeamMember> members) {
            List<String> limits = new ArrayList<>();
            for (BoardColumn column : BoardColumn.values()) {
                if (team.wipLimit(column) != null) {
                    limits.add(column + " " + team.wipLimit(column));
                }
            }
            List<String> people = members.stream().sorted((a, b) -> a.userId.compareTo(b.userId))
                    .map(m -> m.displayName + " (" + m.userId + ", " + m.teamRole + ", "
                            + m.pointsPerDay.stripTrailingZeros().toPlainString() + "/day)")
                    .toList();
            return new TeamState(team.name, team.description, List.copyOf(team.disciplines),
                    List.copyOf(team.alliances), people, limits.isEmpty() ? null : String.join(", ", limits),
                    team.version);
        }
    }

    static Team require(UUID id) {
        Team team = Team.findById(id);
        if (team == null) {
            throw Problems.notFound("team", id);
        }
        return team;
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
