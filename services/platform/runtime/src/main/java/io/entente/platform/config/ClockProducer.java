package io.entente.platform.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The clock every rule about dates reads (due dates, escalation, obligation windows). Inject {@link Clock} instead of
 * calling {@code now()}, so a test can replace it with {@code io.entente.platform.testing.MutableClock}.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
