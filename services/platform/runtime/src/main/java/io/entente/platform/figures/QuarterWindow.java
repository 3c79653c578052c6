package io.entente.platform.figures;

import io.entente.platform.problem.Problems;

import java.time.Instant;
import java.util.List;

/**
 * The quarters a figures request covers: {@code from} to {@code to} (both included), by default the last four
 * quarters up to the current one; at most {@link #MAX_QUARTERS}, so that one request stays a bounded amount of work.
 */
public record QuarterWindow(Quarter from, Quarter to) {

    public static final int MAX_QUARTERS = 12;
    public static final int DEFAULT_QUARTERS = 4;

    public static QuarterWindow of(Quarter from, Quarter to, Instant now) {
        Quarter current = Quarter.containing(now);
        Quarter end = to != null ? to : from != null && from.compareTo(current) > 0 ? from : current;
        Quarter start = from != null ? from : end.minus(DEFAULT_QUARTERS - 1);
        if (start.compareTo(end) > 0) {
            throw Problems.invalid("from", start + " is after to (" + end + ")");
        }
        if (Quarter.range(start, end).size() > MAX_QUARTERS) {
            throw Problems.invalid("to", "asks for more than " + MAX_QUARTERS + " quarters (" + start + " to " + end
                    + ")");
        }
        return new QuarterWindow(start, end);
    }

    public List<Quarter> quarters() {
        return Quarter.range(from, to);
    }

    /** The first instant the window covers. */
    public Instant start() {
        return from.from();
    }

    /** The first instant after the window. */
    public Instant end() {
        return to.to();
    }
}
