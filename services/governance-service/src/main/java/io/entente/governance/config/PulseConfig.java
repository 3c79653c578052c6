package io.entente.governance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The partner-experience survey sent to every attendee once a meeting's minutes are approved. */
@ConfigMapping(prefix = "entente.governance.pulse")
public interface PulseConfig {

    /**
     * Key of the links' HMAC signatures (at least 16 characters). Changing it invalidates every link that was issued;
     * set ENTENTE_PULSE_SIGNING_KEY in every deployment.
     */
    String signingKey();

    /** How long a link takes answers. */
    @WithDefault("14D")
    Duration linkValidity();

    /** Prefix of the links the service hands out, e.g. https://entente.example.com; absent: relative links. */
    Optional<String> publicBaseUrl();

    /** Posts a single link may make in a burst; it refills at {@link #perLinkPerMinute()}. */
    @WithDefault("5")
    int perLinkBurst();

    @WithDefault("2")
    double perLinkPerMinute();

    /** Posts one client address may make in a burst over all links; refills at {@link #perAddressPerMinute()}. */
    @WithDefault("20")
    int perAddressBurst();

    @WithDefault("20")
    double perAddressPerMinute();
}
