package io.entente.sprint.service;

import io.entente.events.sprint.SprintEvent.SprintCapacityChanged;
import io.entente.events.sprint.SprintEvent.SprintPlanned;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.sprint.domain.CapacityRules;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintCapacity;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import io.entente.sprint.api.CapacityRequest;
import io.entente.sprint.api.SprintRequest;
import io.entente.sprint.api.SprintView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Planning sprints and their capacity. */
@ApplicationScoped
@Transactional
public class SprintPlanning {

    private final ChangeLog changes;
    private final TeamAccess access;
    private final SprintViews views;
    private final Clock clock;

    public SprintPlanning(ChangeLog changes, TeamAccess access, SprintViews views, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.views = views;
        this.clock = clock;
    }

    /** Longer than six weeks is not a sprint any more. */
    static final int MAX_SPRINT_DAYS = 42;

    public SprintView plan(SprintRequest request) {
        if (request.endDate().isBefore(request.startDate())) {
            throw Problems.invalid("endDate", "must not be before startDate " + request.startDate());
        }
        if (ChronoUnit.DAYS.between(request.startDate(), request.endDate()) + 1 > MAX_SPRINT_DAYS) {
            throw Problems.invalid("endDate", "a sprint lasts at most " + MAX_SPRINT_DAYS + " days");
        }
        Team team = Team.findById(request.teamId());
        if (team == null) {
            throw Problems.notFound("team", request.teamId());
        }
        access.requireMember(team);
        Sprint overlapping = Sprint.find("teamId = ?1 and state <> ?2 and startDate <= ?3 and endDate >= ?4",
                team.id, SprintState.CLOSED, request.endDate(), request.startDate()).firstResult();
        if (overlapping != null) {
            throw Problems.rule("sprint-overlap", "team '" + team.name + "' already has sprint '" + overlapping.name
                    + "' from " + overlapping.startDate + " to " + overlapping.endDate
                    + "; a team runs one sprint at a time");
        }
        Sprint sprint = new Sprint();
        sprint.id = UUID.randomUUID();
        sprint.teamId = team.id;
        sprint.name = request.name().strip();
        sprint.goal = request.goal();
        sprint.startDate = request.startDate();
        sprint.endDate = request.endDate();
        sprint.state = SprintState.PLANNED;
        sprint.createdAt = clock.instant();
        sprint.updatedAt = sprint.createdAt;
        int workingDays = CapacityRules.workingDays(sprint.startDate, sprint.endDate);
        List<TeamMember> members = TeamMember.ofTeam(team.id);
        sprint.capacityPoints = members.stream()
                .mapToInt(m -> CapacityRules.points(workingDays, 0, m.pointsPerDay)).sum();
        sprint.persist();
        for (TeamMember member : members) {
            addCapacity(sprint, member.userId, member.displayName, workingDays, 0, member.pointsPerDay);
        }
        SprintView view = views.of(sprint, team);
        List<String> crew = members.stream().map(m -> m.userId).toList();
        changes.record(new SprintPlanned(sprint.id.toString(), team.id.toString(), team.name, sprint.name, sprint.goal,
                sprint.startDate, sprint.endDate, sprint.capacityPoints, crew), null, view);
        return view;
    }

    /** Replaces the capacity plan: who works in the sprint, their planned absence and allocation. */
    public SprintView updateCapacity(UUID id, String ifMatch, CapacityRequest request) {
        Sprint sprint = SprintRules.lock(id);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        ETags.requireMatch(ifMatch, sprint.version);
        SprintRules.requireOpen(sprint);
        Map<String, TeamMember> members = TeamMember.ofTeam(team.id).stream()
                .collect(Collectors.toMap(m -> m.userId, Function.identity()));
        int workingDays = CapacityRules.workingDays(sprint.startDate, sprint.endDate);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.members().size(); i++) {
            CapacityRequest.MemberCapacity entry = request.members().get(i);
            if (!members.containsKey(entry.userId())) {
                throw Problems.invalid("members[" + i + "].userId", entry.userId() + " is not a member of team '"
                        + team.name + "'");
            }
            if (!seen.add(entry.userId())) {
                throw Problems.invalid("members[" + i + "].userId", entry.userId() + " is listed twice");
            }
            if (entry.absenceDays() > workingDays) {
                throw Problems.invalid("members[" + i + "].absenceDays", "the sprint has only " + workingDays
                        + " working days");
            }
        }
        SprintView before = views.of(sprint, team);
        SprintCapacity.delete("sprintId", sprint.id);
        int capacity = 0;
        for (CapacityRequest.MemberCapacity entry : request.members()) {
            TeamMember member = members.get(entry.userId());
            capacity += addCapacity(sprint, member.userId, member.displayName, workingDays, entry.absenceDays(),
                    entry.pointsPerDay() != null ? entry.pointsPerDay() : member.pointsPerDay).capacityPoints;
        }
        sprint.capacityPoints = capacity;
        sprint.updatedAt = clock.instant();
        Sprint.getEntityManager().flush();
        SprintView after = views.of(sprint, team);
        changes.record(new SprintCapacityChanged(sprint.id.toString(), team.id.toString(), capacity,
                request.members().stream().map(CapacityRequest.MemberCapacity::userId).toList()), before, after);
        return after;
    }

    private static SprintCapacity addCapacity(Sprint sprint, String userId, String displayName, int workingDays,
                                       int absenceDays, BigDecimal pointsPerDay) {
        SprintCapacity capacity = new SprintCapacity();
        capacity.id = UUID.randomUUID();
        capacity.sprintId = sprint.id;
        capacity.userId = userId;
        capacity.displayName = displayName;
        capacity.workingDays = workingDays;
        capacity.absenceDays = absenceDays;
        capacity.pointsPerDay = pointsPerDay;
        capacity.capacityPoints = CapacityRules.points(workingDays, absenceDays, pointsPerDay);
        capacity.persist();
        return capacity;
    }
}
