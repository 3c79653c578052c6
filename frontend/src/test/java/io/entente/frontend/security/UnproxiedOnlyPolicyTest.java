package io.entente.frontend.security;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnproxiedOnlyPolicyTest {

    @Test
    void aScrapeOfThePodIsLetThroughAndAnythingForwardedIsNot() {
        assertFalse(UnproxiedOnlyPolicy.cameThroughProxy(MultiMap.caseInsensitiveMultiMap()
                .add("Accept", "text/plain").add("User-Agent", "Prometheus/3.5.0")));
        for (String header : UnproxiedOnlyPolicy.FORWARDING_HEADERS) {
            assertTrue(UnproxiedOnlyPolicy.cameThroughProxy(MultiMap.caseInsensitiveMultiMap()
                    .add(header.toLowerCase(), "203.0.113.7")), header);
        }
    }
}
