package io.entente.sprint.service;

import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintCapacity;
import io.entente.sprint.domain.Team;
import io.entente.sprint.api.SprintView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A sprint as the reader sees it: its capacity plan and the planning totals. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SprintViews {

    private final CurrentUser user;
    private final BoardRows board;

    public SprintViews(CurrentUser user, BoardRows board) {
        this.user = user;
        this.board = board;
    }

    public SprintView of(Sprint sprint, Team team) {
        return of(sprint, team, board.rows(sprint.id), Visibility.of(user));
    }

    public SprintView of(Sprint sprint, Team team, List<BoardRows.Row> rows, Visibility visibility) {
        Map<String, String> names = board.allianceNames(rows.stream().map(r -> r.item().allianceId)
                .filter(visibility::canSee).collect(Collectors.toSet()));
        List<SprintCapacity> plan = SprintCapacity.ofSprint(sprint.id);
        List<SprintView.MemberCapacityView> capacity = plan.stream()
                .map(c -> new SprintView.MemberCapacityView(c.userId, c.displayName, c.workingDays, c.absenceDays,
                        c.pointsPerDay, c.capacityPoints)).toList();
        return new SprintView(sprint.id, sprint.teamId, team.name, sprint.name, sprint.goal, sprint.startDate,
                sprint.endDate, sprint.state, capacity, BoardRows.summary(sprint, rows, names, visibility, plan,
                        board.dependencyWarnings(rows, visibility)),
                sprint.startedAt, sprint.closedAt, sprint.version);
    }
}
