package io.entente.sprint.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** How much a member can take on in a sprint. */
public final class CapacityRules {

    private CapacityRules() {
    }

    /** Monday to Friday between the two dates, both included. */
    public static int workingDays(LocalDate start, LocalDate end) {
        int days = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /**
     * (working days - planned absence) x points per day, rounded down: a half point of capacity is not something a
     * team can commit to.
     */
    public static int points(int workingDays, int absenceDays, BigDecimal pointsPerDay) {
        int available = Math.max(0, workingDays - absenceDays);
        return pointsPerDay.multiply(BigDecimal.valueOf(available)).setScale(0, RoundingMode.FLOOR).intValueExact();
    }
}
