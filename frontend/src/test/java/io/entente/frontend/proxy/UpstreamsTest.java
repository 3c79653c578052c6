package io.entente.frontend.proxy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamsTest {

    private final Upstreams upstreams = new Upstreams(Map.of("backlog", "http://127.0.0.1:8081/",
            "decision", "http://127.0.0.1:8083"));

    @Test
    void mapsTheServicePrefixOntoTheServicesApi() {
        assertEquals("http://127.0.0.1:8081/api/backlog-items?alliance=ONC-HELIX&limit=50",
                upstreams.target("backlog", "/backlog-items", "alliance=ONC-HELIX&limit=50").orElseThrow().toString());
        assertEquals("http://127.0.0.1:8083/api/decisions/a%20b",
                upstreams.target("decision", "decisions/a%20b", null).orElseThrow().toString());
    }

    @Test
    void unknownServicesHaveNoTarget() {
        assertTrue(upstreams.target("payroll", "/x", null).isEmpty());
    }

    @Test
    void rewritesLocationIntoTheBffSpace() {
        assertEquals("/api/backlog/backlog-items/42",
                upstreams.rewriteLocation("backlog", "http://127.0.0.1:8081/api/backlog-items/42"));
        assertEquals("/api/backlog/backlog-items/42?x=1",
                upstreams.rewriteLocation("backlog", "http://localhost:8081/api/backlog-items/42?x=1"));
        assertEquals("/api/decision/decisions/7", upstreams.rewriteLocation("decision", "/api/decisions/7"));
        assertEquals("https://elsewhere.example/x", upstreams.rewriteLocation("decision", "https://elsewhere.example/x"));
    }
}
