package io.entente.sprint.domain;

import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;
import io.entente.sprint.domain.SprintFigures.ItemFacts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Sprint figures of two teams on a known scenario. */
class SprintFiguresTest {

    static final UUID T1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID T2 = UUID.fromString("00000000-0000-0000-0000-000000000002");

    final List<QuarterFigure> figures = new SprintFigures(null).compute(List.of(T1, T2),
            List.of(Quarter.parse("2026-Q3"), Quarter.parse("2026-Q4")), scenario());

    static List<ItemFacts> scenario() {
        List<ItemFacts> items = new ArrayList<>();
        // sprint ending 15 July: three done, one carried to the next sprint
        add(items, "2026-07-15", SprintItemStatus.COMPLETED, null, 3);
        add(items, "2026-07-15", SprintItemStatus.CARRIED_OVER, Disposition.NEXT_SPRINT, 1);
        // sprint ending 30 September: one done, one back to the backlog, one taken off the board before the close
        add(items, "2026-09-30", SprintItemStatus.COMPLETED, null, 1);
        add(items, "2026-09-30", SprintItemStatus.CARRIED_OVER, Disposition.BACKLOG, 1);
        add(items, "2026-09-30", SprintItemStatus.REMOVED, null, 1);
        // sprint ending 14 October: all done
        add(items, "2026-10-14", SprintItemStatus.COMPLETED, null, 2);
        return items;
    }

    @Test
    void predictabilityIsCompletedOfWhatWasOnTheBoardAtTheClose() {
        assertFigure(T1, SprintFigures.PREDICTABILITY, "2026-Q3", 66.7, 6);
        assertFigure(T1, SprintFigures.PREDICTABILITY, "2026-Q4", 100.0, 2);
    }

    @Test
    void carryOverCountsOnlyWhatWentToTheNextSprint() {
        assertFigure(T1, SprintFigures.CARRY_OVER, "2026-Q3", 16.7, 6);
        assertFigure(T1, SprintFigures.CARRY_OVER, "2026-Q4", 0.0, 2);
    }

    @Test
    void aTeamWithoutClosedSprintsHasNoSample() {
        assertFigure(T2, SprintFigures.PREDICTABILITY, "2026-Q3", null, 0);
        QuarterFigure any = figures.get(0);
        assertEquals(T1.toString(), any.teamId());
        assertNull(any.allianceKey());
        assertEquals(2 * 2 * 2, figures.size());
    }

    private void assertFigure(UUID team, String figure, String quarter, Double value, long sample) {
        QuarterFigure f = figures.stream().filter(x -> x.teamId().equals(team.toString())
                && x.figure().equals(figure) && x.quarter().equals(quarter)).findFirst().orElseThrow();
        assertEquals(value, f.value(), figure + " " + quarter);
        assertEquals(sample, f.sampleSize(), figure + " " + quarter + " sample");
    }

    private static void add(List<ItemFacts> items, String end, SprintItemStatus status, Disposition to, int n) {
        for (int i = 0; i < n; i++) {
            items.add(new ItemFacts(T1, LocalDate.parse(end), status, to));
        }
    }
}
