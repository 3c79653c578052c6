package io.entente.sprint.service;

import io.entente.events.sprint.SprintEvent.BoardItemAssigned;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintItem;
import io.entente.sprint.domain.SprintItemStatus;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import io.entente.sprint.api.BoardView;
import io.entente.sprint.api.CardView;
import io.entente.sprint.api.CommitRequest;
import io.entente.sprint.api.CommitResult;
import io.entente.sprint.api.MoveRequest;
import io.entente.sprint.api.PlanningSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Pulling items into a sprint, taking them out, moving and assigning cards, and reading the board. */
@ApplicationScoped
@Transactional
public class BoardService {

    /** How the board groups its cards into rows. */
    public enum Swimlanes { ALLIANCE, ASSIGNEE }

    static final String RESTRICTED = "restricted";
    static final String UNASSIGNED = "unassigned";

    private static final Comparator<BoardRows.Row> CARD_ORDER = Comparator
            .comparing((BoardRows.Row r) -> r.item().column)
            .thenComparing(r -> r.copy().rank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.item().itemId);

    private final ChangeLog changes;
    private final CurrentUser user;
    private final TeamAccess access;
    private final BoardRows board;
    private final Clock clock;

    public BoardService(ChangeLog changes, CurrentUser user, TeamAccess access, BoardRows board, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.access = access;
        this.board = board;
        this.clock = clock;
    }

    /** The audited state of a card (the full item, since the audit is internal). */
    public record CardState(UUID sprintId, UUID itemId, String allianceId, String title, Integer estimate,
                            SprintItemStatus status, BoardColumn column, String assignee, boolean overrideCapacity,
                            String overrideReason, long version) {
    }

    static CardState auditState(SprintItem card, BacklogItemCopy copy) {
        return new CardState(card.sprintId, card.itemId, card.allianceId, copy.title, copy.estimate, card.status,
                card.column, card.assignee, card.overrideCapacity, card.overrideReason, card.version);
    }

    /**
     * Commits a backlog item to a planned or active sprint. Going over capacity is refused unless the request
     * overrides it with a reason; the override is audited and flagged on the event.
     */
    public CommitResult commit(UUID sprintId, CommitRequest request) {
        Sprint sprint = SprintService.lock(sprintId);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        SprintService.requireOpen(sprint);
        BacklogItemCopy copy = BacklogItemCopy.findById(request.itemId());
        if (copy == null || !user.canSee(copy.allianceId)) {
            throw Problems.notFound("backlog item", request.itemId());
        }
        if (copy.dropped || "DROPPED".equals(copy.status)) {
            throw Problems.rule("item-dropped", "'" + copy.title + "' was dropped from the backlog");
        }
        if ("DONE".equals(copy.status)) {
            throw Problems.rule("item-done", "'" + copy.title + "' is already done");
        }
        if (!team.alliances.contains(copy.allianceId)) {
            throw Problems.rule("alliance-not-covered", "team '" + team.name + "' does not cover alliance "
                    + copy.allianceId + "; add the alliance to the team first");
        }
        if (!team.disciplines.contains(copy.discipline)) {
            throw Problems.rule("discipline-not-served", "team '" + team.name + "' serves "
                    + String.join(", ", team.disciplines) + ", not " + copy.discipline);
        }
        SprintItem open = SprintItem.openFor(copy.itemId);
        if (open != null) {
            if (open.sprintId.equals(sprint.id)) {
                throw Problems.rule("already-committed", "'" + copy.title + "' is already on this sprint's board");
            }
            Sprint other = Sprint.findById(open.sprintId);
            throw Problems.rule("item-in-another-sprint", "'" + copy.title + "' is already committed to sprint '"
                    + other.name + "'; remove it there first");
        }
        // Read-only: the summary needs every card, but none of them changes here, and on a board of thousands of
        // cards the snapshots and the dirty check at flush were most of a commit's time (bench/results).
        List<BoardRows.Row> rows = board.rows(sprint.id, true);
        int committed = rows.stream().mapToInt(BoardRows.Row::points).sum();
        int points = copy.estimate == null ? 0 : copy.estimate;
        boolean over = committed + points > sprint.capacityPoints;
        boolean override = Boolean.TRUE.equals(request.overrideCapacity());
        if (over && !override) {
            throw Problems.rule("over-capacity", "committing '" + copy.title + "' (" + points + " points) would bring "
                    + "sprint '" + sprint.name + "' to " + (committed + points) + " committed points against a "
                    + "capacity of " + sprint.capacityPoints + " (currently " + committed + " committed, "
                    + (committed + points - sprint.capacityPoints) + " over); send \"overrideCapacity\": true with a "
                    + "\"reason\" to commit anyway");
        }
        if (over && (request.reason() == null || request.reason().isBlank())) {
            throw Problems.invalid("reason", "say why the sprint may go over capacity when overriding it");
        }
        Instant now = clock.instant();
        SprintItem card = SprintItem.find(sprint.id, copy.itemId);
        if (card == null) {
            card = new SprintItem();
            card.id = UUID.randomUUID();
            card.sprintId = sprint.id;
            card.itemId = copy.itemId;
            card.allianceId = copy.allianceId;
        }
        card.status = SprintItemStatus.COMMITTED;
        card.open = true;
        card.column = BoardColumn.TODO;
        card.assignee = null;
        card.disposition = null;
        card.overrideCapacity = over;
        card.overrideReason = over ? request.reason().strip() : null;
        card.committedAt = now;
        card.doneAt = null;
        card.removedAt = null;
        card.persist();
        SprintItem.getEntityManager().flush();
        changes.record(new ItemCommittedToSprint(sprint.id.toString(), copy.itemId.toString(), copy.allianceId,
                copy.estimate, over), null, auditState(card, copy));
        rows.add(new BoardRows.Row(card, copy));
        Visibility visibility = Visibility.of(user);
        Map<String, String> names = board.allianceNames(rows.stream().map(r -> r.item().allianceId)
                .filter(visibility::canSee).collect(Collectors.toSet()));
        PlanningSummary planning = BoardRows.summary(sprint, rows, names, visibility);
        return new CommitResult(card(card, copy, names, Map.of()), planning);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CardView card(UUID sprintId, UUID itemId) {
        Sprint sprint = SprintService.require(sprintId);
        SprintItem card = visibleCard(sprintId, itemId);
        BacklogItemCopy copy = BacklogItemCopy.findById(itemId);
        return card(card, copy, board.allianceNames(List.of(card.allianceId)), memberNames(sprint.teamId));
    }

    /** Moves a card to a column and/or hands it to someone; the WIP limit of the target column holds. */
    public CardView move(UUID sprintId, UUID itemId, String ifMatch, MoveRequest request) {
        Sprint sprint = SprintService.lock(sprintId);
        SprintItem card = visibleCard(sprintId, itemId);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        ETags.requireMatch(ifMatch, card.version);
        SprintService.requireOpen(sprint);
        String assignee = request.assignee() == null || request.assignee().isBlank() ? null : request.assignee().strip();
        Map<String, String> members = memberNames(team.id);
        if (assignee != null && !members.containsKey(assignee)) {
            throw Problems.invalid("assignee", assignee + " is not a member of team '" + team.name + "'");
        }
        BacklogItemCopy copy = BacklogItemCopy.findById(itemId);
        boolean moves = request.column() != card.column;
        boolean reassigns = !Objects.equals(assignee, card.assignee);
        if (!moves && !reassigns) {
            return card(card, copy, board.allianceNames(List.of(card.allianceId)), members);
        }
        if (moves && sprint.state != SprintState.ACTIVE) {
            throw Problems.rule("sprint-not-active", "sprint '" + sprint.name + "' has not started; start it "
                    + "before moving cards (assigning them is fine)");
        }
        if (moves) {
            Integer limit = team.wipLimit(request.column());
            if (limit != null) {
                long inColumn = SprintItem.count("sprintId = ?1 and open = true and column = ?2", sprint.id,
                        request.column());
                if (inColumn >= limit) {
                    throw Problems.rule("wip-limit", request.column() + " already holds " + inColumn + " card"
                            + (inColumn == 1 ? "" : "s") + " and its WIP limit is " + limit
                            + "; finish or move a card out of " + request.column() + " first");
                }
            }
        }
        CardState before = auditState(card, copy);
        BoardColumn from = card.column;
        Instant now = clock.instant();
        card.column = request.column();
        card.assignee = assignee;
        if (moves) {
            card.doneAt = card.column == BoardColumn.DONE ? now : null;
        }
        SprintItem.getEntityManager().flush();
        CardState after = auditState(card, copy);
        if (moves) {
            changes.record(new BoardItemMoved(sprint.id.toString(), itemId.toString(), card.allianceId, from.name(),
                    card.column.name(), card.assignee, now), before, after);
        } else {
            changes.record(new BoardItemAssigned(sprint.id.toString(), itemId.toString(), card.allianceId,
                    card.assignee), before, after);
        }
        return card(card, copy, board.allianceNames(List.of(card.allianceId)), members);
    }

    /** Takes a card off an open sprint's board; the item is a candidate again. */
    public void remove(UUID sprintId, UUID itemId, String ifMatch, String reason) {
        Sprint sprint = SprintService.lock(sprintId);
        SprintItem card = visibleCard(sprintId, itemId);
        access.requireMember(Team.findById(sprint.teamId));
        ETags.requireMatch(ifMatch, card.version);
        SprintService.requireOpen(sprint);
        if (reason != null && reason.length() > 500) {
            throw Problems.invalid("reason", "at most 500 characters");
        }
        takeOff(card, BacklogItemCopy.findById(itemId), reason == null || reason.isBlank() ? null : reason.strip());
    }

    /** The backlog dropped the item: it leaves the open board it sits on, if any. */
    public void dropFromOpenBoard(UUID itemId, String reason) {
        SprintItem card = SprintItem.openFor(itemId);
        if (card == null) {
            return;
        }
        SprintService.lock(card.sprintId);
        takeOff(card, BacklogItemCopy.findById(itemId), "dropped from the backlog"
                + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }

    private void takeOff(SprintItem card, BacklogItemCopy copy, String reason) {
        CardState before = auditState(card, copy);
        card.status = SprintItemStatus.REMOVED;
        card.open = false;
        card.removedAt = clock.instant();
        SprintItem.getEntityManager().flush();
        changes.record(new ItemRemovedFromSprint(card.sprintId.toString(), card.itemId.toString(), card.allianceId,
                reason), before, auditState(card, copy));
    }

    /**
     * The whole board in one answer with a constant number of SQL statements: sprint, team, cards joined with their
     * backlog data, members, alliance names.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BoardView read(UUID sprintId, Swimlanes swimlanes, Visibility visibility) {
        Sprint sprint = SprintService.require(sprintId);
        Team team = Team.findById(sprint.teamId);
        List<BoardRows.Row> rows = board.rows(sprint.id, true);
        rows.sort(CARD_ORDER);
        Map<String, String> members = memberNames(team.id);
        Map<String, String> names = board.allianceNames(rows.stream().map(r -> r.item().allianceId)
                .filter(visibility::canSee).collect(Collectors.toSet()));

        Map<BoardColumn, int[]> columnTotals = new EnumMap<>(BoardColumn.class);
        Map<String, LaneBuilder> lanes = new LinkedHashMap<>();
        int restrictedLabel = 0;
        for (BoardRows.Row row : rows) {
            SprintItem item = row.item();
            boolean visible = visibility.canSee(item.allianceId);
            CardView card = visible ? card(item, row.copy(), names, members)
                    : CardView.restricted(RESTRICTED + "-" + ++restrictedLabel, row.copy().estimate, item.column,
                    item.assignee, item.assignee == null ? null : members.getOrDefault(item.assignee, item.assignee));
            int[] total = columnTotals.computeIfAbsent(item.column, c -> new int[2]);
            total[0]++;
            total[1] += row.points();
            String key;
            String title;
            if (swimlanes == Swimlanes.ASSIGNEE) {
                key = item.assignee == null ? UNASSIGNED : item.assignee;
                title = item.assignee == null ? "Unassigned" : members.getOrDefault(item.assignee, item.assignee);
            } else {
                key = visible ? item.allianceId : RESTRICTED;
                title = visible ? names.getOrDefault(item.allianceId, item.allianceId) : "Other alliances (restricted)";
            }
            lanes.computeIfAbsent(key, k -> new LaneBuilder(k, title, RESTRICTED.equals(k))).add(card, row.points());
        }
        List<BoardView.Column> columns = new ArrayList<>();
        for (BoardColumn column : BoardColumn.values()) {
            int[] total = columnTotals.getOrDefault(column, new int[2]);
            Integer limit = team.wipLimit(column);
            boolean atLimit = limit != null && sprint.isOpen() && total[0] >= limit;
            columns.add(new BoardView.Column(column, limit, total[0], total[1], atLimit));
        }
        List<BoardView.Lane> laneViews = lanes.values().stream()
                .sorted(Comparator.comparing((LaneBuilder l) -> l.restricted || UNASSIGNED.equals(l.key))
                        .thenComparing(l -> l.title.toLowerCase()))
                .map(LaneBuilder::build).toList();
        BoardView.Header header = new BoardView.Header(sprint.id, team.id, team.name, sprint.name, sprint.goal,
                sprint.startDate, sprint.endDate, sprint.state, sprint.version);
        return new BoardView(header, swimlanes.name(), columns, laneViews,
                BoardRows.summary(sprint, rows, names, visibility));
    }

    private SprintItem visibleCard(UUID sprintId, UUID itemId) {
        SprintItem card = SprintItem.find(sprintId, itemId);
        if (card == null || card.status == SprintItemStatus.REMOVED || !user.canSee(card.allianceId)) {
            throw Problems.notFound("card", itemId);
        }
        return card;
    }

    private Map<String, String> memberNames(UUID teamId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TeamMember member : TeamMember.ofTeam(teamId)) {
            names.put(member.userId, member.displayName);
        }
        return names;
    }

    private static CardView card(SprintItem item, BacklogItemCopy copy, Map<String, String> allianceNames,
                                 Map<String, String> members) {
        return new CardView(item.itemId.toString(), false, copy.title, item.allianceId,
                allianceNames.getOrDefault(item.allianceId, item.allianceId), copy.discipline, copy.type,
                copy.estimate, copy.dueDate, item.column, item.assignee,
                item.assignee == null ? null : members.getOrDefault(item.assignee, item.assignee),
                item.overrideCapacity, item.disposition, item.version);
    }

    private static final class LaneBuilder {
        final String key;
        final String title;
        final boolean restricted;
        final Map<BoardColumn, List<CardView>> columns = new EnumMap<>(BoardColumn.class);
        int count;
        int points;

        LaneBuilder(String key, String title, boolean restricted) {
            this.key = key;
            this.title = title;
            this.restricted = restricted;
            for (BoardColumn column : BoardColumn.values()) {
                columns.put(column, new ArrayList<>());
            }
        }

        void add(CardView card, int cardPoints) {
            columns.get(card.column()).add(card);
            count++;
            points += cardPoints;
        }

        BoardView.Lane build() {
            return new BoardView.Lane(key, title, restricted, count, points, columns);
        }
    }
}
