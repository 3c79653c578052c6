package io.entente.sprint.service;

import io.entente.events.sprint.SprintEvent.CarriedItem;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.SprintCapacityChanged;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.events.sprint.SprintEvent.SprintPlanned;
import io.entente.events.sprint.SprintEvent.SprintStarted;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.CapacityRules;
import io.entente.sprint.domain.Disposition;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintCapacity;
import io.entente.sprint.domain.SprintItem;
import io.entente.sprint.domain.SprintItemStatus;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import io.entente.sprint.api.CapacityRequest;
import io.entente.sprint.api.SprintListItem;
import io.entente.sprint.api.SprintRequest;
import io.entente.sprint.api.SprintView;
import io.entente.sprint.api.StateChangeRequest;
import io.entente.sprint.api.StateChangeResult;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Planning, capacity, starting and closing sprints. */
@ApplicationScoped
@Transactional
public class SprintService {

    /** Longer than six weeks is not a sprint any more. */
    static final int MAX_SPRINT_DAYS = 42;

    private static final Keyset<Sprint> SPRINTS = Keyset.of(Sprint.class, "id", s -> s.id, UUID::fromString);
    private static final SortKey<Sprint> NEWEST_FIRST = SortKey.<Sprint>of("startDate", "e.startDate",
            LocalDate::parse, s -> s.startDate).reversed();

    private final ChangeLog changes;
    private final CurrentUser user;
    private final TeamAccess access;
    private final BoardRows board;
    private final Clock clock;
    private final EntityManager em;

    public SprintService(ChangeLog changes, CurrentUser user, TeamAccess access, BoardRows board, Clock clock,
                         EntityManager em) {
        this.changes = changes;
        this.user = user;
        this.access = access;
        this.board = board;
        this.clock = clock;
        this.em = em;
    }

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
        SprintView view = view(sprint, team);
        changes.record(new SprintPlanned(sprint.id.toString(), team.id.toString(), team.name, sprint.name, sprint.goal,
                sprint.startDate, sprint.endDate, sprint.capacityPoints), null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SprintView get(UUID id) {
        Sprint sprint = require(id);
        return view(sprint, Team.findById(sprint.teamId));
    }

    /** Newest first; filters: team, state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SprintListItem> list(UUID teamId, SprintState state, int limit, String after) {
        Where where = Where.all().and("e.teamId = :team", "team", teamId).and("e.state = :state", "state", state);
        Page<Sprint> page = SPRINTS.page(em, where, NEWEST_FIRST, after, limit);
        List<Sprint> sprints = page.items();
        Map<UUID, String> teamNames = sprints.isEmpty() ? Map.of()
                : Team.<Team>list("id in ?1", sprints.stream().map(s -> s.teamId).distinct().toList()).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.name));
        Map<UUID, int[]> totals = board.committedAndDone(sprints.stream().map(s -> s.id).toList());
        return page.map(s -> {
            int[] tally = totals.getOrDefault(s.id, new int[2]);
            return new SprintListItem(s.id, s.teamId, teamNames.get(s.teamId), s.name, s.goal, s.startDate,
                    s.endDate, s.state, s.capacityPoints,
                    s.committedPoints != null ? s.committedPoints : tally[0],
                    s.completedPoints != null ? s.completedPoints : tally[1], s.version);
        });
    }

    /** Replaces the capacity plan: who works in the sprint, their planned absence and allocation. */
    public SprintView updateCapacity(UUID id, String ifMatch, CapacityRequest request) {
        Sprint sprint = lock(id);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        ETags.requireMatch(ifMatch, sprint.version);
        requireOpen(sprint);
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
        SprintView before = view(sprint, team);
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
        SprintView after = view(sprint, team);
        changes.record(new SprintCapacityChanged(sprint.id.toString(), team.id.toString(), capacity), before, after);
        return after;
    }

    /** Moves a sprint to ACTIVE or CLOSED; there is no way back to PLANNED. */
    public StateChangeResult changeState(UUID id, String ifMatch, StateChangeRequest request) {
        return switch (request.state()) {
            case ACTIVE -> {
                if (request.defaultDisposition() != null || request.nextSprintId() != null
                        || request.dispositions() != null) {
                    throw Problems.invalid("defaultDisposition", "dispositions are chosen when closing, not starting");
                }
                yield new StateChangeResult(start(id, ifMatch), List.of());
            }
            case CLOSED -> {
                if (request.defaultDisposition() == null) {
                    throw Problems.invalid("defaultDisposition",
                            "say where unfinished items go: BACKLOG or NEXT_SPRINT");
                }
                yield close(id, ifMatch, request);
            }
            case PLANNED -> throw Problems.invalid("state", "a sprint moves to ACTIVE or CLOSED, never back to PLANNED");
        };
    }

    private SprintView start(UUID id, String ifMatch) {
        Sprint sprint = lock(id);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        ETags.requireMatch(ifMatch, sprint.version);
        if (sprint.state != SprintState.PLANNED) {
            throw Problems.rule("sprint-not-planned", "sprint '" + sprint.name + "' is " + sprint.state
                    + "; only a planned sprint can start");
        }
        Sprint active = Sprint.find("teamId = ?1 and state = ?2", team.id, SprintState.ACTIVE).firstResult();
        if (active != null) {
            throw Problems.rule("one-active-sprint", "team '" + team.name + "' is running sprint '" + active.name
                    + "'; close it before starting another");
        }
        SprintView before = view(sprint, team);
        sprint.state = SprintState.ACTIVE;
        sprint.startedAt = clock.instant();
        sprint.updatedAt = sprint.startedAt;
        Sprint.getEntityManager().flush();
        SprintView after = view(sprint, team);
        changes.record(new SprintStarted(sprint.id.toString(), team.id.toString(), sprint.startedAt), before, after);
        return after;
    }

    /**
     * Closes an active sprint: records its velocity (points in DONE) and sends every unfinished item to the backlog
     * or to the team's next planned sprint, as the closer chose.
     */
    private StateChangeResult close(UUID id, String ifMatch, StateChangeRequest request) {
        Sprint sprint = lock(id);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        ETags.requireMatch(ifMatch, sprint.version);
        if (sprint.state != SprintState.ACTIVE) {
            throw Problems.rule("sprint-not-active", "sprint '" + sprint.name + "' is " + sprint.state
                    + "; only an active sprint can close");
        }
        Visibility visibility = Visibility.of(user);
        List<BoardRows.Row> rows = board.rows(sprint.id);
        rows.sort(Comparator.comparing((BoardRows.Row r) -> r.item().column).thenComparing(r -> r.item().itemId));
        Map<UUID, BoardRows.Row> unfinished = new HashMap<>();
        for (BoardRows.Row row : rows) {
            if (!row.done()) {
                unfinished.put(row.item().itemId, row);
            }
        }
        Map<UUID, Disposition> chosen = request.dispositions() == null ? Map.of() : request.dispositions();
        for (UUID itemId : chosen.keySet()) {
            BoardRows.Row row = unfinished.get(itemId);
            if (row == null || !visibility.canSee(row.item().allianceId)) {
                throw Problems.invalid("dispositions." + itemId, "not an unfinished item of this sprint");
            }
        }
        boolean anyNext = unfinished.keySet().stream()
                .anyMatch(item -> chosen.getOrDefault(item, request.defaultDisposition()) == Disposition.NEXT_SPRINT);
        Sprint next = null;
        if (anyNext) {
            if (request.nextSprintId() == null) {
                throw Problems.invalid("nextSprintId", "required when items go to the next sprint");
            }
            next = lock(request.nextSprintId());
            if (!next.teamId.equals(team.id) || next.state != SprintState.PLANNED) {
                throw Problems.rule("next-sprint-not-planned", "sprint '" + next.name
                        + "' is not a planned sprint of team '" + team.name + "'; plan the next sprint first");
            }
        }
        SprintView before = view(sprint, team, rows, visibility);
        Instant now = clock.instant();
        int committed = 0;
        int completed = 0;
        List<CarriedItem> carried = new ArrayList<>();
        List<StateChangeResult.Carried> carriedViews = new ArrayList<>();
        List<BoardRows.Row> toNext = new ArrayList<>();
        int restrictedLabel = 0;
        for (BoardRows.Row row : rows) {
            SprintItem item = row.item();
            committed += row.points();
            item.open = false;
            if (row.done()) {
                completed += row.points();
                item.status = SprintItemStatus.COMPLETED;
                continue;
            }
            Disposition disposition = chosen.getOrDefault(item.itemId, request.defaultDisposition());
            item.status = SprintItemStatus.CARRIED_OVER;
            item.disposition = disposition;
            String nextId = disposition == Disposition.NEXT_SPRINT ? next.id.toString() : null;
            carried.add(new CarriedItem(item.itemId.toString(), item.allianceId, disposition.name(), nextId));
            boolean visible = visibility.canSee(item.allianceId);
            carriedViews.add(new StateChangeResult.Carried(visible ? item.itemId.toString() : "restricted-" + ++restrictedLabel,
                    !visible, row.copy().estimate, disposition, next == null || nextId == null ? null : next.id));
            if (disposition == Disposition.NEXT_SPRINT) {
                toNext.add(row);
            }
        }
        sprint.state = SprintState.CLOSED;
        sprint.closedAt = now;
        sprint.updatedAt = now;
        sprint.committedPoints = committed;
        sprint.completedPoints = completed;
        // The old cards must be closed in the database before the same items open on the next board.
        Sprint.getEntityManager().flush();
        SprintView after = view(sprint, team, board.rows(sprint.id), visibility);
        changes.record(new SprintClosed(sprint.id.toString(), team.id.toString(), committed, completed, carried, now),
                before, after);
        if (next != null) {
            carryInto(next, toNext, now);
        }
        return new StateChangeResult(after, carriedViews);
    }

    private void carryInto(Sprint next, List<BoardRows.Row> rows, Instant now) {
        int committed = board.rows(next.id).stream().mapToInt(BoardRows.Row::points).sum();
        for (BoardRows.Row row : rows) {
            committed += row.points();
            boolean over = committed > next.capacityPoints;
            SprintItem card = SprintItem.find(next.id, row.item().itemId);
            if (card == null) {
                card = new SprintItem();
                card.id = UUID.randomUUID();
                card.sprintId = next.id;
                card.itemId = row.item().itemId;
                card.allianceId = row.item().allianceId;
            }
            card.status = SprintItemStatus.COMMITTED;
            card.open = true;
            card.column = BoardColumn.TODO;
            card.assignee = row.item().assignee;
            card.disposition = null;
            card.overrideCapacity = over;
            card.overrideReason = over ? "carried over from a closed sprint" : null;
            card.committedAt = now;
            card.doneAt = null;
            card.removedAt = null;
            card.persist();
            changes.record(new ItemCommittedToSprint(next.id.toString(), card.itemId.toString(), card.allianceId,
                    row.copy().estimate, over), null, BoardService.auditState(card, row.copy()));
        }
    }

    private SprintCapacity addCapacity(Sprint sprint, String userId, String displayName, int workingDays,
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

    SprintView view(Sprint sprint, Team team) {
        return view(sprint, team, board.rows(sprint.id), Visibility.of(user));
    }

    SprintView view(Sprint sprint, Team team, List<BoardRows.Row> rows, Visibility visibility) {
        Map<String, String> names = board.allianceNames(rows.stream().map(r -> r.item().allianceId)
                .filter(visibility::canSee).collect(Collectors.toSet()));
        List<SprintView.MemberCapacityView> capacity = SprintCapacity.ofSprint(sprint.id).stream()
                .map(c -> new SprintView.MemberCapacityView(c.userId, c.displayName, c.workingDays, c.absenceDays,
                        c.pointsPerDay, c.capacityPoints)).toList();
        return new SprintView(sprint.id, sprint.teamId, team.name, sprint.name, sprint.goal, sprint.startDate,
                sprint.endDate, sprint.state, capacity, BoardRows.summary(sprint, rows, names, visibility),
                sprint.startedAt, sprint.closedAt, sprint.version);
    }

    static Sprint require(UUID id) {
        Sprint sprint = Sprint.findById(id);
        if (sprint == null) {
            throw Problems.notFound("sprint", id);
        }
        return sprint;
    }

    /** Changes to one sprint and its board run one at a time, so capacity and WIP checks see the latest state. */
    static Sprint lock(UUID id) {
        Sprint sprint = Sprint.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (sprint == null) {
            throw Problems.notFound("sprint", id);
        }
        return sprint;
    }

    static void requireOpen(Sprint sprint) {
        if (sprint.state == SprintState.CLOSED) {
            throw Problems.rule("sprint-closed", "sprint '" + sprint.name + "' is closed; its board no longer changes");
        }
    }
}
