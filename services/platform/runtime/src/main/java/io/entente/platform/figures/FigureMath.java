package io.entente.platform.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/** The few statistics the figures use, the same everywhere: null when there is nothing to measure. */
public final class FigureMath {

    private static final double SECONDS_PER_DAY = 86_400d;

    private FigureMath() {
    }

    /** The median; of an even count, the mean of the two middle values. */
    public static Double median(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    public static Double mean(Collection<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** {@code part} of {@code whole} in percent, rounded to one decimal; null of nothing. */
    public static Double percent(long part, long whole) {
        return whole == 0 ? null : round1(100d * part / whole);
    }

    /** Days between two instants, with fractions (a decision taken 36 hours after opening took 1.5 days). */
    public static double days(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds() / SECONDS_PER_DAY;
    }

    public static double days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** Rounded to one decimal, so that a figure reads the same in every service and test. */
    public static Double round1(Double value) {
        return value == null ? null : Math.round(value * 10d) / 10d;
    }
}
