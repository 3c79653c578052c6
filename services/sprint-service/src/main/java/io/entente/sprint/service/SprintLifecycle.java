package io.entente.sprint.service;

import io.entente.events.sprint.SprintEvent.CarriedItem;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.events.sprint.SprintEvent.SprintStarted;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.Disposition;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintItem;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.domain.Team;
import io.entente.sprint.api.SprintView;
import io.entente.sprint.api.StateChangeRequest;
import io.entente.sprint.api.StateChangeResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Starting and closing sprints. */
@ApplicationScoped
@Transactional
public class SprintLifecycle {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final TeamAccess access;
    private final BoardRows board;
    private final SprintViews views;
    private final Clock clock;

    public SprintLifecycle(ChangeLog changes, CurrentUser user, TeamAccess access, BoardRows board, SprintViews views, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.access = access;
        this.board = board;
        this.views = views;
        this.clock = clock;
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
        Sprint sprint = SprintRules.lock(id);
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
        SprintView before = views.of(sprint, team);
        sprint.start(clock.instant());
        Sprint.getEntityManager().flush();
        SprintView after = views.of(sprint, team);
        changes.record(new SprintStarted(sprint.id.toString(), team.id.toString(), sprint.startedAt), before, after);
        return after;
    }

    /**
     * Closes an active sprint: records its velocity (points in DONE) and sends every unfinished item to the backlog
     * or to the team's next planned sprint, as the closer chose.
     */
    private StateChangeResult close(UUID id, String ifMatch, StateChangeRequest request) {
        Sprint sprint = SprintRules.lock(id);
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
        Map<UUID, Disposition> chosen = request.dispositions() == null ? Map.of() : request.dispositions();
        Sprint next = nextSprint(team, rows, chosen, request, visibility);
        SprintView before = views.of(sprint, team, rows, visibility);
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
            if (row.done()) {
                completed += row.points();
                item.close(null);
                continue;
            }
            Disposition disposition = chosen.getOrDefault(item.itemId, request.defaultDisposition());
            item.close(disposition);
            String nextId = disposition == Disposition.NEXT_SPRINT ? next.id.toString() : null;
            carried.add(new CarriedItem(item.itemId.toString(), item.allianceId, disposition.name(), nextId));
            boolean visible = visibility.canSee(item.allianceId);
            carriedViews.add(new StateChangeResult.Carried(visible ? item.itemId.toString() : "restricted-" + ++restrictedLabel,
                    !visible, row.copy().estimate, disposition, next == null || nextId == null ? null : next.id));
            if (disposition == Disposition.NEXT_SPRINT) {
                toNext.add(row);
            }
        }
        sprint.close(committed, completed, now);
        // The old cards must be closed in the database before the same items open on the next board.
        Sprint.getEntityManager().flush();
        SprintView after = views.of(sprint, team, board.rows(sprint.id), visibility);
        changes.record(new SprintClosed(sprint.id.toString(), team.id.toString(), committed, completed, carried, now),
                before, after);
        if (next != null) {
            carryInto(next, toNext, now);
        }
        return new StateChangeResult(after, carriedViews);
    }

    /**
     * Checks the closer's choices against the unfinished items and locks the team's planned sprint that receives
     * NEXT_SPRINT items; null when no item goes there.
     */
    private static Sprint nextSprint(Team team, List<BoardRows.Row> rows, Map<UUID, Disposition> chosen,
                                     StateChangeRequest request, Visibility visibility) {
        Map<UUID, BoardRows.Row> unfinished = new HashMap<>();
        for (BoardRows.Row row : rows) {
            if (!row.done()) {
                unfinished.put(row.item().itemId, row);
            }
        }
        for (UUID itemId : chosen.keySet()) {
            BoardRows.Row row = unfinished.get(itemId);
            if (row == null || !visibility.canSee(row.item().allianceId)) {
                throw Problems.invalid("dispositions." + itemId, "not an unfinished item of this sprint");
            }
        }
        boolean anyNext = unfinished.keySet().stream()
                .anyMatch(item -> chosen.getOrDefault(item, request.defaultDisposition()) == Disposition.NEXT_SPRINT);
        if (!anyNext) {
            return null;
        }
        if (request.nextSprintId() == null) {
            throw Problems.invalid("nextSprintId", "required when items go to the next sprint");
        }
        Sprint next = SprintRules.lock(request.nextSprintId());
        if (!next.teamId.equals(team.id) || next.state != SprintState.PLANNED) {
            throw Problems.rule("next-sprint-not-planned", "sprint '" + next.name
                    + "' is not a planned sprint of team '" + team.name + "'; plan the next sprint first");
        }
        return next;
    }

    private void carryInto(Sprint next, List<BoardRows.Row> rows, Instant now) {
        int committed = board.rows(next.id).stream().mapToInt(BoardRows.Row::points).sum();
        for (BoardRows.Row row : rows) {
            committed += row.points();
            boolean over = committed > next.capacityPoints;
            SprintItem card = SprintItem.find(next.id, row.item().itemId);
            if (card == null) {
                card = SprintItem.card(next.id, row.item().itemId, row.item().allianceId);
            }
            card.commit(row.item().assignee, over ? "carried over from a closed sprint" : null, now);
            card.persist();
            changes.record(new ItemCommittedToSprint(next.id.toString(), card.itemId.toString(), card.allianceId,
                    row.copy().estimate, over), null, Cards.auditState(card, row.copy()));
        }
    }
}
