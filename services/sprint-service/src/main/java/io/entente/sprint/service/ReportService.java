package io.entente.sprint.service;

import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Burndown;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.domain.Team;
import io.entente.sprint.api.BurndownView;
import io.entente.sprint.api.VelocityView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Burndown and velocity, as JSON for charts. Totals include items the reader may not see. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    private final BoardRows board;
    private final Clock clock;

    public ReportService(BoardRows board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    public BurndownView burndown(UUID sprintId) {
        Sprint sprint = SprintRules.require(sprintId);
        List<Burndown.Entry> entries = new ArrayList<>();
        for (BoardRows.Row row : board.history(sprint.id)) {
            var item = row.item();
            LocalDate doneOn = item.column == BoardColumn.DONE && item.doneAt != null ? day(item.doneAt) : null;
            entries.add(new Burndown.Entry(row.points(), day(item.committedAt), doneOn,
                    item.removedAt == null ? null : day(item.removedAt)));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate lastActual = sprint.state == SprintState.CLOSED && sprint.closedAt != null
                ? min(day(sprint.closedAt), sprint.endDate) : today;
        List<Burndown.Day> days = Burndown.compute(entries, sprint.startDate, sprint.endDate, lastActual);
        List<BurndownView.Day> views = days.stream()
                .map(d -> new BurndownView.Day(d.date(), d.remainingPoints(), d.idealPoints())).toList();
        int scopeAtStart = Burndown.remainingAt(entries, sprint.startDate);
        Integer remaining = null;
        for (Burndown.Day d : days) {
            if (d.remainingPoints() != null) {
                remaining = d.remainingPoints();
            }
        }
        if (remaining == null) {
            remaining = scopeAtStart;
        }
        return new BurndownView(sprint.id, sprint.startDate, sprint.endDate, scopeAtStart, remaining, views);
    }

    /** The team's last {@code last} closed sprints, oldest first, and the average completed points. */
    public VelocityView velocity(UUID teamId, int last) {
        Team team = TeamService.require(teamId);
        List<Sprint> closed = Sprint.<Sprint>find("teamId = ?1 and state = ?2 order by endDate desc, id desc",
                teamId, SprintState.CLOSED).page(0, last).list();
        List<VelocityView.SprintVelocity> sprints = new ArrayList<>();
        for (Sprint s : closed) {
            sprints.add(new VelocityView.SprintVelocity(s.id, s.name, s.startDate, s.endDate, s.capacityPoints,
                    s.committedPoints == null ? 0 : s.committedPoints, s.completedPoints == null ? 0 : s.completedPoints));
        }
        Collections.reverse(sprints);
        double average = sprints.isEmpty() ? 0.0
                : Math.round(sprints.stream().mapToInt(VelocityView.SprintVelocity::completedPoints).average()
                .orElse(0) * 10) / 10.0;
        return new VelocityView(team.id, team.name, sprints, average);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
