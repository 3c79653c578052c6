package io.entente.sprint;

import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.platform.testing.TestEvents;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An event that arrives with the publisher's trace context is handled in a span of that same trace. */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aConsumedEventIsHandledInAChildOfTheProducersSpan() {
        String traceId = hex(16);
        String producerSpan = hex(8);
        String traceparent = "00-" + traceId + "-" + producerSpan + "-01";
        String itemId = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        try (TestEvents events = new TestEvents(bootstrap, "/entente/backlog-service")) {
            events.publish(eventId, new BacklogItemCreated(itemId, "ONC-HELIX", "Traced candidate", null,
                    "GOVERNANCE", "TASK", 5, LocalDate.of(2026, 12, 1), "NEW", "m", null),
                    Map.of("traceparent", traceparent));
        }

        SpanData handling = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER)
                .findFirst().orElse(null), s -> s != null);
        assertEquals(producerSpan, handling.getParentSpanId());
        assertEquals("backlog-item.events process", handling.getName());
        assertEquals(eventId.toString(), handling.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("messaging.message.id"))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElseThrow());

        // The inbox row keeps the context the event came with, to follow it from this side.
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select traceparent from inbox_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult());
        assertEquals(traceparent, stored);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reads as invalid
        return HexFormat.of().formatHex(random);
    }
}
