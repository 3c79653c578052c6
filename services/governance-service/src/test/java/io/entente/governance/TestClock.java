package io.entente.governance;

import io.entente.platform.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The clock every @QuarkusTest in this module runs on; tests move it to make meetings past or due. */
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
