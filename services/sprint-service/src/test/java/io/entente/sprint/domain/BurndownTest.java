package io.entente.sprint.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BurndownTest {

    static final LocalDate START = LocalDate.of(2026, 11, 30);

    @Test
    void remainingFollowsCommitsRemovalsAndDoneAndStopsAtToday() {
        List<Burndown.Entry> entries = List.of(
                new Burndown.Entry(5, START.minusDays(3), START.plusDays(1), null),   // planned before, done day 2
                new Burndown.Entry(3, START, null, START.plusDays(3)),                // removed day 4
                new Burndown.Entry(8, START, START.plusDays(4), null),                // done day 5
                new Burndown.Entry(2, START, null, null),                             // never done
                new Burndown.Entry(3, START.plusDays(2), null, null));                // added day 3
        List<Burndown.Day> days = Burndown.compute(entries, START, START.plusDays(11), START.plusDays(4));
        assertEquals(12, days.size());
        assertEquals(Arrays.asList(18, 13, 16, 13, 5, null), days.subList(0, 6).stream()
                .map(Burndown.Day::remainingPoints).toList());
        assertEquals(18.0, days.get(0).idealPoints());
        assertEquals(0.0, days.get(11).idealPoints());
        assertEquals(9.8, days.get(5).idealPoints());
        assertNull(days.get(11).remainingPoints());
    }
}
