package io.entente.platform.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    private static final String TOPIC = "test-item.events";

    @Test
    void produceConsumeSurvivesKillAndRestart() throws Exception {
        Path dir = Paths.get(System.getProperty("user.dir"), "target", "junit-kafka",
                UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        long t0 = System.nanoTime();
        try (LocalKafka kafka = LocalKafka.start(dir, 0, 0)) {
            System.out.printf("LocalKafka start (format + launch + ready): %d ms, %s, pid %d%n", ms(t0),
                    kafka.bootstrapServers(), kafka.pid());
            assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"));
            assertTrue(Files.exists(dir.resolve("broker.log")));

            send(kafka, "item-1", "before kill");
            assertEquals(List.of("before kill"), readAll(kafka, 1));

            long firstPid = kafka.pid();
            kafka.kill();
            assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false), "broker JVM killed");

            long t1 = System.nanoTime();
            kafka.restart();
            System.out.printf("LocalKafka restart after kill -9: %d ms%n", ms(t1));
            assertNotEquals(firstPid, kafka.pid());

            send(kafka, "item-1", "after restart");
            assertEquals(List.of("before kill", "after restart"), readAll(kafka, 2));

            long t2 = System.nanoTime();
            kafka.close();
            System.out.printf("LocalKafka graceful stop: %d ms%n", ms(t2));
            assertThrows(IllegalStateException.class, kafka::pid);
        }
        String log = Files.readString(dir.resolve("broker.log"));
        assertTrue(log.contains("ENTENTE-KAFKA-READY"), "ready marker in broker.log");
        assertTrue(log.contains("already formatted"), "second start reused the formatted storage");
    }

    @Test
    void missingBrokerClasspathTellsHowToBuildIt() throws Exception {
        Path fakeRoot = Files.createDirectories(Paths.get(System.getProperty("user.dir"), "target", "fake-root"));
        String previous = System.getProperty(RepoRoot.PROPERTY);
        System.setProperty(RepoRoot.PROPERTY, fakeRoot.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> LocalKafka.start(fakeRoot.resolve("kafka"), 0, 0));
            assertTrue(e.getMessage().contains("./mvnw -pl services/platform/kafka-broker package"), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(RepoRoot.PROPERTY);
            } else {
                System.setProperty(RepoRoot.PROPERTY, previous);
            }
        }
    }

    @Test
    void repoRootHoldsTheBroker() {
        assertTrue(Files.isDirectory(RepoRoot.find().resolve("services/platform/kafka-broker")));
    }

    private static void send(LocalKafka kafka, String key, String value) throws Exception {
        Map<String, Object> cfg = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(cfg, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the beginning with a new consumer group until {@code expected} records arrived. */
    private static List<String> readAll(LocalKafka kafka, int expected) {
        Map<String, Object> cfg = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
