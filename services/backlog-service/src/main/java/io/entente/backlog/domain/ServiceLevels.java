package io.entente.backlog.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * How often an alliance gets a health check and a risk review, by tier and phase: the one place the backlog reads
 * the service level from. The defaults are the shipped service catalogue's (sprint-service); once the catalogue
 * changes, its {@code ServiceCatalogueChanged} event replaces them.
 *
 * <p>A year is cut into {@code timesPerYear} equal periods; each period gets one item, keyed by alliance, service
 * and period, so that running the generation again, or on two nodes, adds nothing.
 */
public record ServiceLevels(long version, List<Level> levels) {

    public static final String HEALTH_CHECK = "HEALTH_CHECK";
    public static final String RISK_REVIEW = "RISK_REVIEW";
    public static final List<String> GENERATED = List.of(HEALTH_CHECK, RISK_REVIEW);

    public record Level(String service, int tier, String phase, int timesPerYear) {
    }

    /** One period of a service for one alliance: the item's key and due date. */
    public record Period(String sourceRef, LocalDate start, LocalDate due) {
    }

    public ServiceLevels {
        levels = List.copyOf(levels);
    }

    public int timesPerYear(String service, int tier, AlliancePhase phase) {
        return levels.stream()
                .filter(l -> l.service().equals(service) && l.tier() == tier && l.phase().equals(phase.name()))
                .mapToInt(Level::timesPerYear).findFirst().orElse(0);
    }

    /** The period containing {@code day} for a service delivered {@code timesPerYear} times, or null for never. */
    public static Period period(String allianceKey, String service, int timesPerYear, LocalDate day) {
        if (timesPerYear <= 0) {
            return null;
        }
        int n = Math.min(timesPerYear, 365);
        LocalDate start;
        LocalDate due;
        int index;
        if (12 % n == 0) {
            // Whole months (yearly, half-yearly, quarterly, ..., monthly): periods follow the calendar.
            int months = 12 / n;
            index = (day.getMonthValue() - 1) / months;
            start = day.withDayOfYear(1).plusMonths((long) index * months);
            due = start.plusMonths(months).minusDays(1);
        } else {
            int days = day.lengthOfYear();
            index = (day.getDayOfYear() - 1) * n / days;
            LocalDate yearStart = day.withDayOfYear(1);
            start = yearStart.plusDays((long) index * days / n);
            due = yearStart.plusDays((long) (index + 1) * days / n).minusDays(1);
        }
        return new Period("service-level:" + service + ":" + allianceKey + ":" + day.getYear() + "-" + (index + 1)
                + "/" + n, start, due);
    }

    /** The shipped catalogue: health checks 4, 2 and 1 a year by tier, risk reviews 12, 4 and none, once launched. */
    public static ServiceLevels defaults() {
        List<Level> levels = new java.util.ArrayList<>();
        for (String phase : List.of("LAUNCH", "EXECUTION", "RENEWAL", "WIND_DOWN")) {
            levels.add(new Level(HEALTH_CHECK, 1, phase, 4));
            levels.add(new Level(HEALTH_CHECK, 2, phase, 2));
            levels.add(new Level(HEALTH_CHECK, 3, phase, 1));
            levels.add(new Level(RISK_REVIEW, 1, phase, 12));
            levels.add(new Level(RISK_REVIEW, 2, phase, 4));
        }
        return new ServiceLevels(1, levels);
    }
}
