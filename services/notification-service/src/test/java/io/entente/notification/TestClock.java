package io.entente.notification;

import io.entente.platform.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;

/** Every date rule in the tests reads this clock; tests that move it put it back with {@link #reset()}. */
@ApplicationScoped
public class TestClock {

    public static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    public static final MutableClock CLOCK = MutableClock.at(START.toString());

    public static void reset() {
        CLOCK.set(START);
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
