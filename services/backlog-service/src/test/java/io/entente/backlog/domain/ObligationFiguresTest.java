package io.entente.backlog.domain;

import io.entente.backlog.domain.ObligationFigures.Facts;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Obligation figures on a known scenario, asked on 6 December 2026. */
class ObligationFiguresTest {

    static final List<Facts> SCENARIO = List.of(
            // monthly: on time, three days late, on time, then the October occurrence missed
            new Facts("A", List.of(met("2026-07-31", "2026-07-30"), met("2026-08-31", "2026-09-03"),
                    met("2026-09-30", "2026-09-30")), LocalDate.parse("2026-10-31")),
            // met early, no longer open
            new Facts("A", List.of(met("2026-11-15", "2026-11-10")), null),
            // due later this quarter: nothing known yet
            new Facts("A", List.of(), LocalDate.parse("2026-12-31")));

    final List<QuarterFigure> figures = new ObligationFigures(LocalDate.parse("2026-12-06")).compute(
            List.of("B", "A"), List.of(Quarter.parse("2026-Q3"), Quarter.parse("2026-Q4")), SCENARIO);

    @Test
    void countsByTheQuarterOfTheDueDate() {
        assertFigure(ObligationFigures.MET_ON_TIME, "2026-Q3", 2.0, 2);
        assertFigure(ObligationFigures.MISSED, "2026-Q3", 1.0, 1);
        assertFigure(ObligationFigures.ON_TIME_RATE, "2026-Q3", 66.7, 3);
        assertFigure(ObligationFigures.MET_ON_TIME, "2026-Q4", 1.0, 1);
        assertFigure(ObligationFigures.MISSED, "2026-Q4", 1.0, 1);
        assertFigure(ObligationFigures.ON_TIME_RATE, "2026-Q4", 50.0, 2);
    }

    @Test
    void anAllianceWithoutObligationsCountsZeroAndHasNoRate() {
        QuarterFigure rate = figures.stream().filter(f -> f.allianceKey().equals("B")
                && f.figure().equals(ObligationFigures.ON_TIME_RATE)).findFirst().orElseThrow();
        assertNull(rate.value());
        assertEquals("A", figures.get(0).allianceKey());
        assertEquals(2 * 3 * 2, figures.size());
    }

    private void assertFigure(String figure, String quarter, Double value, long sample) {
        QuarterFigure f = figures.stream().filter(x -> x.allianceKey().equals("A") && x.figure().equals(figure)
                && x.quarter().equals(quarter)).findFirst().orElseThrow();
        assertEquals(value, f.value(), figure + " " + quarter);
        assertEquals(sample, f.sampleSize(), figure + " " + quarter + " sample");
    }

    private static ObligationOccurrence met(String due, String on) {
        return new ObligationOccurrence(LocalDate.parse(due), LocalDate.parse(on));
    }
}
