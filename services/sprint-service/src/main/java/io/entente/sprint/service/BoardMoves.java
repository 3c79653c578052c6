package io.entente.sprint.service;

import io.entente.events.sprint.SprintEvent.BoardItemAssigned;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.text.FreeText;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintCapacity;
import io.entente.sprint.domain.SprintItem;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.domain.Team;
import io.entente.sprint.api.CardView;
import io.entente.sprint.api.CommitRequest;
import io.entente.sprint.api.CommitResult;
import io.entente.sprint.api.MoveRequest;
import io.entente.sprint.api.PlanningSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;


/** Pulling items into a sprint, taking them out, moving and assigning cards. */
@ApplicationScoped
@Transactional
public class BoardMoves {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final TeamAccess access;
    private final BoardRows board;
    private final Clock clock;

    public BoardMoves(ChangeLog changes, CurrentUser user, TeamAccess access, BoardRows board, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.access = access;
        this.board = board;
        this.clock = clock;
    }

    /**
     * Commits a backlog item to a planned or active sprint. Going over capacity is refused unless the request
     * overrides it with a reason; the override is audited and flagged on the event.
     */
    public CommitResult commit(UUID sprintId, CommitRequest request) {
        Sprint sprint = SprintRules.lock(sprintId);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        SprintRules.requireOpen(sprint);
        BacklogItemCopy copy = BacklogItemCopy.findById(request.itemId());
        if (copy == null || !user.canSee(copy.allianceId)) {
            throw Problems.notFound("backlog item", request.itemId());
        }
        requirePullable(sprint, team, copy);
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
        String assignee = FreeText.orNull(request.assignee());
        Map<String, String> members = Cards.memberNames(team.id);
        if (assignee != null && !members.containsKey(assignee)) {
            throw Problems.invalid("assignee", assignee + " is not a member of team '" + team.name + "'");
        }
        Instant now = clock.instant();
        SprintItem card = SprintItem.find(sprint.id, copy.itemId);
        if (card == null) {
            card = SprintItem.card(sprint.id, copy.itemId, copy.allianceId);
        }
        card.commit(assignee, over ? request.reason().strip() : null, now);
        card.persist();
        SprintItem.getEntityManager().flush();
        changes.record(new ItemCommittedToSprint(sprint.id.toString(), copy.itemId.toString(), copy.allianceId,
                copy.estimate, over), null, Cards.auditState(card, copy));
        rows.add(new BoardRows.Row(card, copy));
        Visibility visibility = Visibility.of(user);
        Map<String, String> names = board.allianceNames(rows.stream().map(r -> r.item().allianceId)
                .filter(visibility::canSee).collect(Collectors.toSet()));
        PlanningSummary planning = BoardRows.summary(sprint, rows, names, visibility,
                SprintCapacity.ofSprint(sprint.id), board.dependencyWarnings(rows, visibility));
        return new CommitResult(Cards.view(card, copy, names, members), planning);
    }

    /** The item is live backlog work of the team's alliances and disciplines, on no open board yet. */
    private static void requirePullable(Sprint sprint, Team team, BacklogItemCopy copy) {
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
    }

    /** Moves a card to a column and/or hands it to someone; the WIP limit of the target column holds. */
    public CardView move(UUID sprintId, UUID itemId, String ifMatch, MoveRequest request) {
        Sprint sprint = SprintRules.lock(sprintId);
        SprintItem card = Cards.visible(user, sprintId, itemId);
        Team team = Team.findById(sprint.teamId);
        access.requireMember(team);
        ETags.requireMatch(ifMatch, card.version);
        SprintRules.requireOpen(sprint);
        String assignee = FreeText.orNull(request.assignee());
        Map<String, String> members = Cards.memberNames(team.id);
        if (assignee != null && !members.containsKey(assignee)) {
            throw Problems.invalid("assignee", assignee + " is not a member of team '" + team.name + "'");
        }
        BacklogItemCopy copy = BacklogItemCopy.findById(itemId);
        boolean moves = request.column() != card.column;
        boolean reassigns = !Objects.equals(assignee, card.assignee);
        if (!moves && !reassigns) {
            return Cards.view(card, copy, board.allianceNames(List.of(card.allianceId)), members);
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
        Cards.CardState before = Cards.auditState(card, copy);
        BoardColumn from = card.column;
        Instant now = clock.instant();
        card.moveTo(request.column(), assignee, now);
        SprintItem.getEntityManager().flush();
        Cards.CardState after = Cards.auditState(card, copy);
        if (moves) {
            changes.record(new BoardItemMoved(sprint.id.toString(), itemId.toString(), card.allianceId, from.name(),
                    card.column.name(), card.assignee, now), before, after);
        } else {
            changes.record(new BoardItemAssigned(sprint.id.toString(), itemId.toString(), card.allianceId,
                    card.assignee), before, after);
        }
        return Cards.view(card, copy, board.allianceNames(List.of(card.allianceId)), members);
    }

    /** Takes a card off an open sprint's board; the item is a candidate again. */
    public void remove(UUID sprintId, UUID itemId, String ifMatch, String reason) {
        Sprint sprint = SprintRules.lock(sprintId);
        SprintItem card = Cards.visible(user, sprintId, itemId);
        access.requireMember(Team.findById(sprint.teamId));
        ETags.requireMatch(ifMatch, card.version);
        SprintRules.requireOpen(sprint);
        if (reason != null && reason.length() > 500) {
            throw Problems.invalid("reason", "at most 500 characters");
        }
        takeOff(card, BacklogItemCopy.findById(itemId), FreeText.orNull(reason));
    }

    /** The backlog dropped the item: it leaves the open board it sits on, if any. */
    public void dropFromOpenBoard(UUID itemId, String reason) {
        SprintItem card = SprintItem.openFor(itemId);
        if (card == null) {
            return;
        }
        SprintRules.lock(card.sprintId);
        takeOff(card, BacklogItemCopy.findById(itemId), "dropped from the backlog"
                + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }

    private void takeOff(SprintItem card, BacklogItemCopy copy, String reason) {
        Cards.CardState before = Cards.auditState(card, copy);
        card.takeOff(clock.instant());
        SprintItem.getEntityManager().flush();
        changes.record(new ItemRemovedFromSprint(card.sprintId.toString(), card.itemId.toString(), card.allianceId,
                reason), before, Cards.auditState(card, copy));
    }
}
