package io.entente.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-user limit on writes (POST, PUT, PATCH, DELETE under {@code /api}). A person at a board never comes near the
 * defaults; they stop a runaway script or a stolen token from flooding the audit trail and the event stream. The
 * burst covers the demo seeding, which writes a few hundred changes as one user right after start.
 */
@ConfigMapping(prefix = "entente.rate-limit")
public interface RateLimitConfig {

    /** Off only for load drivers that measure the services themselves. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained writes per second and user (the bucket's refill rate). */
    @WithDefault("20")
    double writesPerSecond();

    /** Writes a user may make at once after being idle (the bucket's size). */
    @WithDefault("300")
    int burst();
}
