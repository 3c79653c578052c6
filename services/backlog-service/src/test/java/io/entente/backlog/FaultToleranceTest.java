package io.entente.backlog;

import io.entente.platform.testing.KafkaTestResource;
import io.entente.platform.embedded.LocalKafka;
import io.entente.platform.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real broker and the real database go away under a running service: writes go on while Kafka is down and
 * every event is delivered once it is back; while PostgreSQL is down the service says so (503, readiness DOWN) and
 * it recovers by itself when the database returns.
 */
@QuarkusTest
class FaultToleranceTest {

    static final String TOPIC = "backlog-item.events";
    static final int WRITES = Integer.getInteger("entente.faults.writes", 40);
    static final String MANAGER = Fixtures.manager("B-FAULT", "B-DBDOWN");

    @Inject
    EntityManager em;

    long count(String sql, Object... params) {
        // Its own transaction: Awaitility polls from another thread, where no request context is active.
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void kafkaDownWritesGoOnAndEverythingIsDeliveredAfterwards() {
        Fixtures.alliances("B-FAULT");
        LocalKafka kafka = KafkaTestResource.current();
        List<String> ids = new ArrayList<>();
        kafka.kill();
        try {
            long slowest = 0;
            for (int i = 0; i < WRITES; i++) {
                long t0 = System.nanoTime();
                ids.add(Fixtures.createItemId(MANAGER, "B-FAULT", "Written while Kafka is down " + i));
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
            }
            // Kafka down does not make the service unready: writes still land in the outbox.
            given().get("/q/health/ready").then().statusCode(200);
            long pending = count("select count(*) from outbox_event where topic = ?1 and alliance_id = 'B-FAULT' "
                    + "and published_at is null", TOPIC);
            System.out.printf("[faults] Kafka down: %d writes accepted (slowest %d ms), outbox holds %d unpublished%n",
                    WRITES, slowest, pending);
            assertEquals(WRITES, pending, "every write waits in the outbox");
        } finally {
            kafka.restart();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                count("select count(*) from outbox_event where alliance_id = 'B-FAULT' and published_at is null")
                        == 0);

        @SuppressWarnings("unchecked")
        List<Object> expected = em.createNativeQuery(
                        "select cast(event_id as text) from outbox_event where topic = ?1 and alliance_id = 'B-FAULT'")
                .setParameter(1, TOPIC).getResultList();
        Map<String, Integer> seen = consume(kafka.bootstrapServers(), new HashSet<>(ids), expected.size());
        long duplicates = seen.values().stream().filter(n -> n > 1).count();
        Set<String> missing = new HashSet<>();
        expected.forEach(e -> {
            if (!seen.containsKey(e.toString())) {
                missing.add(e.toString());
            }
        });
        System.out.printf("[faults] after the broker restart: %d events expected, %d delivered, %d missing, "
                + "%d on the topic more than once (at least once: consumers absorb them)%n", expected.size(), seen.size(), missing.size(), duplicates);
        assertEquals(WRITES, expected.size());
        assertTrue(missing.isEmpty(), "lost: " + missing);
        // Not asserted: the relay publishes at least once. A send that is not confirmed in time (a slow broker just
        // after its restart) is sent again, and consumers absorb the copy in their inbox (FaultRunIT counts both).
    }

    /** Reads the topic from the start with a fresh consumer and counts the event ids of the given aggregates. */
    static Map<String, Integer> consume(String bootstrap, Set<String> aggregates, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "fault-test-reader");
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (aggregates.contains(r.key())) {
                        Header id = r.headers().lastHeader("ce_id");
                        seen.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return seen;
    }

    @Test
    void databaseDownAnswers503AndRecoversWithoutRestart() {
        Fixtures.alliances("B-DBDOWN");
        PostgresControl postgres = new PostgresControl(PostgresTestResource.current());
        long before = count("select count(*) from backlog_item where alliance_id = 'B-DBDOWN'");
        postgres.stop();
        try {
            Response write = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                    .body(Fixtures.itemBody("B-DBDOWN", "Written while the database is down"))
                    .post("/api/backlog-items");
            Response read = given().auth().oauth2(MANAGER).get("/api/backlog-items");
            Response ready = given().get("/q/health/ready");
            System.out.printf("[faults] database down: write %d (%s), read %d, readiness %d %s%n",
                    write.statusCode(), write.contentType(), read.statusCode(), ready.statusCode(),
                    ready.path("status"));
            for (Response r : List.of(write, read)) {
                assertEquals(503, r.statusCode(), r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertEquals("Service unavailable", r.path("title"));
                assertTrue(r.header("Retry-After") != null);
                assertTrue(!r.asString().contains("jdbc:") && !r.asString().contains("Exception"),
                        "nothing internal leaks: " + r.asString());
            }
            assertEquals(503, ready.statusCode());
            assertEquals("DOWN", ready.path("status"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            postgres.start();
        }
        // No restart of the service: the pool reconnects by itself.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        Fixtures.createItem(MANAGER, "B-DBDOWN", "Written after the database came back");
        assertEquals(before + 1, count("select count(*) from backlog_item where alliance_id = 'B-DBDOWN'"),
                "the refused write left nothing behind; the later one is stored");
    }
}
