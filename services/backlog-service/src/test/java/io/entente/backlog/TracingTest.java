package io.entente.backlog;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace from the caller's request through the service, into the outbox row, onto the Kafka record: the relay
 * publishes later on its own thread, and still continues the request's trace.
 */
@QuarkusTest
class TracingTest {

    static final String TARA = Fixtures.member("T-TRACE");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("T-TRACE");
    }

    @Test
    void aCreateIsOneTraceFromTheRequestThroughTheOutboxOntoTheKafkaRecord() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        // What the BFF forwards: the browser's (or its own) span as parent.
        String id = given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Fixtures.itemBody("T-TRACE", "Traced item")).when().post("/api/backlog-items")
                .then().statusCode(201).extract().path("id");

        SpanData server = await().atMost(Duration.ofSeconds(30))
                .until(() -> find(traceId, SpanKind.SERVER), s -> s != null);
        assertEquals(callerSpan, server.getParentSpanId());

        // The outbox row keeps the request's context: a descendant of the server span, in the same trace.
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                        select traceparent from outbox_event
                        where aggregate_id = ?1 and event_type = 'io.entente.BacklogItemCreated'""")
                .setParameter(1, id).getSingleResult());
        assertNotNull(stored, "the outbox row has no traceparent");
        assertTrue(stored.startsWith("00-" + traceId + "-"), stored);

        // The relay's PRODUCER span is a child of the stored context and travels on the record.
        SpanData producer = await().atMost(Duration.ofSeconds(30))
                .until(() -> find(traceId, SpanKind.PRODUCER), s -> s != null);
        assertEquals(stored.split("-")[2], producer.getParentSpanId());
        assertEquals("backlog-item.events publish", producer.getName());

        ConsumerRecord<String, byte[]> record = recordOf("backlog-item.events", id);
        Map<String, String> headers = new java.util.HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertEquals("00-" + traceId + "-" + producer.getSpanId() + "-01", headers.get("traceparent"));
        // The CloudEvents binary-mode headers are still all there.
        assertEquals("io.entente.BacklogItemCreated", headers.get("ce_type"));
        assertEquals(id, headers.get("ce_subject"));
        assertEquals("T-TRACE", headers.get("ce_allianceid"));
        // One publish span per event: no second, unrelated trace from an automatic Kafka instrumentation.
        assertEquals(1, spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.PRODUCER)
                .filter(s -> headers.get("ce_id").equals(
                        s.getAttributes().asMap().entrySet().stream()
                                .filter(e -> e.getKey().getKey().equals("messaging.message.id"))
                                .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null)))
                .count());
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceThatTheEventContinues() {
        String id = Fixtures.createItemId(TARA, "T-TRACE", "Item of its own trace");
        // Without an incoming traceparent the server span starts a trace of its own, and the row keeps it.
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                        select traceparent from outbox_event
                        where aggregate_id = ?1 and event_type = 'io.entente.BacklogItemCreated'""")
                .setParameter(1, id).getSingleResult());
        assertNotNull(stored);
        String traceId = stored.split("-")[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> find(traceId, SpanKind.PRODUCER), s -> s != null);
    }

    private SpanData find(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind)
                .findFirst().orElse(null);
    }

    private ConsumerRecord<String, byte[]> recordOf(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant until = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record for " + key + " on " + topic);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reads as invalid
        return HexFormat.of().formatHex(random);
    }
}
