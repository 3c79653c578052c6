package io.entente.sprint;

import io.entente.platform.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The service's clock in tests: a test that depends on dates sets it first. */
@ApplicationScoped
public class TestClock {

    public static final MutableClock CLOCK = MutableClock.at("2026-11-23T09:00:00Z");

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
