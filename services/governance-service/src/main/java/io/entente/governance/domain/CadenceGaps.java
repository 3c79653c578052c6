package io.entente.governance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The meetings a body's cadence calls for that nobody has scheduled. The contract's cadence is a minimum frequency:
 * after each meeting (or the body's set-up) the next one is due within one cadence interval. Each interval that
 * passes without a meeting is one missing meeting. While no meeting is on the calendar after today, the interval
 * running now counts too, so the next sitting shows up as missing until it is scheduled.
 */
public final class CadenceGaps {

    /** Beyond this, more of the same adds nothing for the reader. */
    public static final int MAX = 24;

    private CadenceGaps() {
    }

    /** One interval without a meeting: it opened on {@code from} and the meeting was due by {@code dueBy}. */
    public record Gap(LocalDate from, LocalDate dueBy) {
    }

    /**
     * @param since    the day the body was set up
     * @param meetings the days it meets or met, in any order
     * @param today    the day asked about
     */
    public static List<Gap> missing(Cadence cadence, LocalDate since, List<LocalDate> meetings, LocalDate today) {
        List<Gap> gaps = new ArrayList<>();
        LocalDate last = since;
        for (LocalDate day : meetings.stream().sorted().toList()) {
            while (last.plusMonths(cadence.months()).isBefore(day) && gaps.size() < MAX) {
                gaps.add(new Gap(last, last.plusMonths(cadence.months())));
                last = last.plusMonths(cadence.months());
            }
            if (day.isAfter(last)) {
                last = day;
            }
        }
        // A meeting on the calendar covers the interval running now; without one, each interval up to the one that
        // contains today is missing.
        while (!last.isAfter(today) && gaps.size() < MAX) {
            gaps.add(new Gap(last, last.plusMonths(cadence.months())));
            last = last.plusMonths(cadence.months());
        }
        return gaps;
    }
}
