package io.entente.sprint.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Remaining points at the end of each day of a sprint, from when each item joined, left or was finished. An item
 * committed before the sprint starts counts from the first day; a removed item stops counting on the day it was
 * removed; a finished item stops counting on the day it reached DONE.
 */
public final class Burndown {

    private Burndown() {
    }

    /**
     * @param committedOn the day it joined the board
     * @param doneOn      the day it reached DONE (null while not done)
     * @param removedOn   the day it was taken off the board (null while on it)
     */
    public record Entry(int points, LocalDate committedOn, LocalDate doneOn, LocalDate removedOn) {
    }

    /** @param remainingPoints null for a day that has not ended yet */
    public record Day(LocalDate date, Integer remainingPoints, double idealPoints) {
    }

    /**
     * @param lastActualDay the last day with a known value (today, or the closing day); later days get null
     */
    public static List<Day> compute(List<Entry> entries, LocalDate start, LocalDate end, LocalDate lastActualDay) {
        int days = (int) (end.toEpochDay() - start.toEpochDay()) + 1;
        int scopeAtStart = remainingAt(entries, start);
        List<Day> result = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            LocalDate day = start.plusDays(i);
            double ideal = days == 1 ? 0.0 : Math.round(scopeAtStart * (1.0 - (double) i / (days - 1)) * 10) / 10.0;
            Integer remaining = day.isAfter(lastActualDay) ? null : remainingAt(entries, day);
            result.add(new Day(day, remaining, ideal));
        }
        return result;
    }

    public static int remainingAt(List<Entry> entries, LocalDate day) {
        int remaining = 0;
        for (Entry e : entries) {
            boolean joined = !e.committedOn().isAfter(day);
            boolean left = e.removedOn() != null && !e.removedOn().isAfter(day);
            boolean done = e.doneOn() != null && !e.doneOn().isAfter(day);
            if (joined && !left && !done) {
                remaining += e.points();
            }
        }
        return remaining;
    }
}
