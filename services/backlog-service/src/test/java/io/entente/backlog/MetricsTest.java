package io.entente.backlog;

import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import io.entente.events.decision.DecisionEvent.Option;
import io.entente.platform.messaging.OutboxRelay;
import io.entente.platform.observability.MetricNames;
import io.entente.platform.testing.MetricsScrape;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator reads on /q/metrics after a write and some consumed events: the outbox, the consumer (applied,
 * duplicates, parked, lag), HTTP and the connection pool, with sane values.
 */
@QuarkusTest
class MetricsTest {

    static final String ALEX = TestTokens.user("alex").roles("alliance-manager").alliances("M-HELIX").sign();
    static final String SERVICE = "backlog-service";
    static final String OPENED = "io.entente.DecisionOpened";

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("M-HELIX");
    }

    @Test
    void aWriteAndConsumedEventsShowInTheMetrics() {
        double publishedBefore = MetricsScrape.read().sum("entente_outbox_published_total");
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body("""
                        {"allianceId":"M-HELIX","title":"Metrics probe","discipline":"GOVERNANCE","type":"TASK",
                         "estimate":3,"dueDate":"2026-12-15"}""")
                .when().post("/api/backlog-items").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        // The sampler runs every 500 ms in tests: once it has seen the relay catch up, nothing waits.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MetricsScrape m = MetricsScrape.read();
            assertEquals(0, m.sum("entente_outbox_pending", "application", SERVICE));
            assertEquals(0, m.sum("entente_outbox_oldest_unpublished_age_seconds", "application", SERVICE));
            assertTrue(m.sum("entente_outbox_published_total", "application", SERVICE) > publishedBefore);
        });

        String decisionId = UUID.randomUUID().toString();
        DecisionOpened opened = new DecisionOpened(decisionId, "M-HELIX", "Go/no-go", "Start Phase 3?", "read-out",
                List.of(new Option("A", "Start", "speed", "cost")), "JSC", LocalDate.of(2027, 1, 29), 14, "alex",
                "sponsor", null, null);
        MetricsScrape before = MetricsScrape.read();
        try (TestEvents events = new TestEvents(bootstrap, "/entente/decision-service")) {
            UUID id = events.publish(opened);
            events.publish(id, opened);  // a redelivery, absorbed
            events.publishUndecodable(DecisionWithdrawn.class, decisionId, "M-HELIX");  // parked after 5 attempts
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            MetricsScrape m = MetricsScrape.read();
            String[] opener = {"application", SERVICE, "consumer", SERVICE, "type", OPENED};
            assertEquals(1, m.sum("entente_events_applied_total", opener)
                    - before.sum("entente_events_applied_total", opener));
            assertEquals(1, m.sum("entente_events_duplicates_total", opener)
                    - before.sum("entente_events_duplicates_total", opener));
            String[] withdrawn = {"consumer", SERVICE, "type", "io.entente.DecisionWithdrawn"};
            assertEquals(1, m.sum("entente_events_parked_total", withdrawn)
                    - before.sum("entente_events_parked_total", withdrawn));
            // Every event read: nothing left behind on the decision topic.
            assertEquals(1, m.find("entente_consumer_lag", "consumer", SERVICE, "topic", "decision.events").size());
            assertEquals(0, m.sum("entente_consumer_lag", "consumer", SERVICE));
        });

        MetricsScrape m = MetricsScrape.read();
        // HTTP, from the Micrometer binder: by route template, not by id.
        assertTrue(m.sum("http_server_requests_seconds_count", "uri", "/api/backlog-items", "method", "POST",
                "status", "201") >= 1, "http_server_requests_seconds_count for POST /api/backlog-items");
        // The connection pool (Agroal): a pool that has served the write has a maximum and idle connections.
        assertTrue(m.sum("agroal_max_used_count") >= 1, "agroal_max_used_count");
        assertTrue(m.has("agroal_awaiting_count"), "agroal_awaiting_count");
        assertTrue(m.has("jvm_memory_used_bytes"), "jvm_memory_used_bytes");
        // The names the alert rules and dashboards under deploy/ use (packet rendering is governance's).
        for (String name : MetricNames.PROMETHEUS) {
            if (!name.startsWith("entente_packet")) {
                assertTrue(m.has(name), name + " missing; the metrics are " + m.names());
            }
        }
    }

    @Test
    void theMetricsNeedNoTokenButTheApiDoes() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/api/backlog-items").then().statusCode(401);
    }

}
