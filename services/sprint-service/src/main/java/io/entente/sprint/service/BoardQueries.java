package io.entente.sprint.service;

import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintCapacity;
import io.entente.sprint.domain.SprintItem;
import io.entente.sprint.domain.Team;
import io.entente.sprint.api.BoardView;
import io.entente.sprint.api.CardView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;


/** Reading the board and its cards. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BoardQueries {

    /** How the board groups its cards into rows. */
    public enum Swimlanes { ALLIANCE, ASSIGNEE }

    static final String RESTRICTED = "restricted";
    static final String UNASSIGNED = "unassigned";

    private static final Comparator<BoardRows.Row> CARD_ORDER = Comparator
            .comparing((BoardRows.Row r) -> r.item().column)
            .thenComparing(r -> r.copy().rank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.item().itemId);

    private final CurrentUser user;
    private final BoardRows board;

    public BoardQueries(CurrentUser user, BoardRows board) {
        this.user = user;
        this.board = board;
    }

    public CardView card(UUID sprintId, UUID itemId) {
        Sprint sprint = SprintRules.require(sprintId);
        SprintItem card = Cards.visible(user, sprintId, itemId);
        BacklogItemCopy copy = BacklogItemCopy.findById(itemId);
        return Cards.view(card, copy, board.allianceNames(List.of(card.allianceId)), Cards.memberNames(sprint.teamId));
    }

    /**
     * The whole board in one answer with a constant number of SQL statements: sprint, team, cards joined with their
     * backlog data, members, alliance names.
     */
    public BoardView read(UUID sprintId, Swimlanes swimlanes, Visibility visibility) {
        Sprint sprint = SprintRules.require(sprintId);
        Team team = Team.findById(sprint.teamId);
        List<BoardRows.Row> rows = board.rows(sprint.id, true);
        rows.sort(CARD_ORDER);
        Map<String, String> members = Cards.memberNames(team.id);
        Map<String, String> names = board.allianceNames(rows.stream().map(r -> r.item().allianceId)
                .filter(visibility::canSee).collect(Collectors.toSet()));

        Map<BoardColumn, int[]> columnTotals = new EnumMap<>(BoardColumn.class);
        Map<String, LaneBuilder> lanes = new LinkedHashMap<>();
        int restrictedLabel = 0;
        for (BoardRows.Row row : rows) {
            SprintItem item = row.item();
            boolean visible = visibility.canSee(item.allianceId);
            CardView card = visible ? Cards.view(item, row.copy(), names, members)
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
                BoardRows.summary(sprint, rows, names, visibility,
                        SprintCapacity.ofSprint(sprint.id), board.dependencyWarnings(rows, visibility)));
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
