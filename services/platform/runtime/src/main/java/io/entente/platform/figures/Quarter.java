package io.entente.platform.figures;

import io.entente.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter in UTC, written {@code 2026-Q3}. Figures are grouped by the quarter an event happened in, so
 * every service must cut quarters the same way: here, from midnight UTC on the first day of January, April, July or
 * October.
 */
@Schema(type = SchemaType.STRING, pattern = "^\\d{4}-Q[1-4]$", example = "2026-Q3",
        description = "A calendar quarter in UTC")
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + number);
        }
    }

    /** Reads {@code 2026-Q3}; anything else is a 400 naming {@code parameter}. */
    public static Quarter parse(String parameter, String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw Problems.invalid(parameter, "'" + text + "' is not a quarter like 2026-Q3");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter parse(String text) {
        return parse("quarter", text);
    }

    public static Quarter containing(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public static Quarter containing(Instant instant) {
        return containing(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return next().firstDay().minusDays(1);
    }

    /** The first instant of the quarter. */
    public Instant from() {
        return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the quarter (exclusive end). */
    public Instant to() {
        return next().from();
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from()) && instant.isBefore(to());
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter minus(int quarters) {
        Quarter q = this;
        for (int i = 0; i < quarters; i++) {
            q = q.previous();
        }
        return q;
    }

    /** Every quarter from {@code from} to {@code to}, both included; empty when {@code to} is before {@code from}. */
    public static List<Quarter> range(Quarter from, Quarter to) {
        List<Quarter> all = new ArrayList<>();
        for (Quarter q = from; q.compareTo(to) <= 0; q = q.next()) {
            all.add(q);
        }
        return List.copyOf(all);
    }

    /**
     * The instant at which a quarter's state ("open at quarter end") is taken: its end, or {@code now} while it has
     * not ended.
     */
    public Instant endOrNow(Instant now) {
        return now.isBefore(to()) ? now : to();
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
