package io.entente.platform.figures;

import io.entente.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuarterTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void readsAndWritesTheQuarter() {
        Quarter q = Quarter.parse("2026-Q3");
        assertEquals(new Quarter(2026, 3), q);
        assertEquals("2026-Q3", q.toString());
        assertEquals(Instant.parse("2026-07-01T00:00:00Z"), q.from());
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), q.to());
        assertEquals(LocalDate.parse("2026-09-30"), q.lastDay());
        assertThrows(ProblemException.class, () -> Quarter.parse("from", "2026-Q5"));
        assertThrows(ProblemException.class, () -> Quarter.parse("from", "2026-3"));
    }

    @Test
    void anInstantBelongsToItsUtcQuarter() {
        assertEquals("2026-Q4", Quarter.containing(Instant.parse("2026-10-01T00:00:00Z")).toString());
        assertEquals("2026-Q3", Quarter.containing(Instant.parse("2026-09-30T23:59:59Z")).toString());
        assertTrue(Quarter.parse("2026-Q4").contains(LocalDate.parse("2026-12-31")));
        assertFalse(Quarter.parse("2026-Q4").contains(Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void rangesCrossTheYear() {
        assertEquals(List.of(new Quarter(2026, 4), new Quarter(2027, 1), new Quarter(2027, 2)),
                Quarter.range(Quarter.parse("2026-Q4"), Quarter.parse("2027-Q2")));
        assertEquals(new Quarter(2026, 1), Quarter.parse("2026-Q4").minus(3));
    }

    @Test
    void theWindowDefaultsToTheLastFourQuartersAndStopsAtTwelve() {
        QuarterWindow window = QuarterWindow.of(null, null, NOW);
        assertEquals(List.of(Quarter.parse("2026-Q1"), Quarter.parse("2026-Q2"), Quarter.parse("2026-Q3"),
                Quarter.parse("2026-Q4")), window.quarters());
        assertEquals("2025-Q3", QuarterWindow.of(null, Quarter.parse("2026-Q2"), NOW).from().toString());
        assertEquals(12, QuarterWindow.of(Quarter.parse("2024-Q1"), Quarter.parse("2026-Q4"), NOW).quarters().size());
        assertThrows(ProblemException.class,
                () -> QuarterWindow.of(Quarter.parse("2023-Q4"), Quarter.parse("2026-Q4"), NOW));
        assertThrows(ProblemException.class,
                () -> QuarterWindow.of(Quarter.parse("2026-Q4"), Quarter.parse("2026-Q3"), NOW));
    }

    @Test
    void statisticsAreNullWithoutASample() {
        assertEquals(null, FigureMath.median(List.of()));
        assertEquals(2.5, FigureMath.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(33.3, FigureMath.percent(1, 3));
        assertEquals(null, FigureMath.percent(0, 0));
    }
}
