package io.entente.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, for rules that depend on the date (escalation, obligation windows, due-date risk).
 * Register it in a service's tests with a producer that wins over the platform's default clock:
 * <pre>
 * &#64;ApplicationScoped public class TestClock {
 *     public static final MutableClock CLOCK = MutableClock.at("2026-11-23T09:00:00Z");
 *     &#64;Produces &#64;Alternative &#64;Priority(1) &#64;ApplicationScoped Clock clock() { return CLOCK; }
 * }
 * </pre>
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    private MutableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant), ZoneOffset.UTC);
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void setDate(LocalDate date) {
        this.now = date.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
