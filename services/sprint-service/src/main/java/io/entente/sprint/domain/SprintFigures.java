package io.entente.sprint.domain;

import io.entente.platform.figures.FigureMath;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sprint figures of governance health, per team and quarter of the sprint's end date
 * (docs/GOVERNANCE-HEALTH.md). What a team committed to is what was on the board when the sprint closed (the
 * velocity's "committed"); an item taken off the board before then was not part of it.
 *
 * @param allianceKey the alliance the items were narrowed to, or null for every alliance the reader sees
 */
public record SprintFigures(String allianceKey) {

    public static final String PREDICTABILITY = "sprint.predictability";
    public static final String CARRY_OVER = "sprint.carry-over";

    /** One item of a closed sprint. */
    public record ItemFacts(UUID teamId, LocalDate sprintEnd, SprintItemStatus status, Disposition disposition) {

        boolean committed() {
            return status == SprintItemStatus.COMPLETED || status == SprintItemStatus.CARRIED_OVER;
        }
    }

    public List<QuarterFigure> compute(List<UUID> teams, List<Quarter> quarters, List<ItemFacts> items) {
        List<QuarterFigure> figures = new ArrayList<>();
        for (UUID team : teams) {
            List<ItemFacts> mine = items.stream().filter(i -> team.equals(i.teamId()) && i.committed()).toList();
            for (Quarter q : quarters) {
                List<ItemFacts> in = in(q, mine);
                long completed = in.stream().filter(i -> i.status() == SprintItemStatus.COMPLETED).count();
                figures.add(figure(PREDICTABILITY, "Sprint predictability (completed of committed)", q, team,
                        FigureMath.percent(completed, in.size()), in.size()));
            }
            for (Quarter q : quarters) {
                List<ItemFacts> in = in(q, mine);
                long carried = in.stream().filter(i -> i.status() == SprintItemStatus.CARRIED_OVER
                        && i.disposition() == Disposition.NEXT_SPRINT).count();
                figures.add(figure(CARRY_OVER, "Carried over to the next sprint", q, team,
                        FigureMath.percent(carried, in.size()), in.size()));
            }
        }
        return List.copyOf(figures);
    }

    private static List<ItemFacts> in(Quarter q, List<ItemFacts> items) {
        return items.stream().filter(i -> q.contains(i.sprintEnd())).toList();
    }

    private QuarterFigure figure(String key, String label, Quarter q, UUID team, Double value, long sample) {
        return new QuarterFigure(key, label, QuarterFigure.PERCENT, q.toString(), allianceKey, null, team.toString(),
                value, sample, null);
    }
}
