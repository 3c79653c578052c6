package io.entente.platform.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.UUID;

import io.entente.platform.embedded.LocalKafka;
import io.entente.platform.embedded.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Kafka broker ({@link LocalKafka}, own JVM) per test run, data under {@code <module>/target/test-kafka/<random>}
 * (deleted on stop). Returns {@code kafka.bootstrap.servers}. Fault tests reach the broker through
 * {@link #current()} ({@code kill()}, {@code restart()}).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalKafka current;

    private LocalKafka kafka;

    /** The broker started by the most recent {@code start()} in this JVM (null before, or after stop). */
    public static LocalKafka current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        Path dir = Paths.get(System.getProperty("user.dir"), "target", "test-kafka",
                UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        kafka = LocalKafka.start(dir, 0, 0);
        current = kafka;
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            if (current == kafka) {
                current = null;
            }
            kafka.close();
            try {
                LocalPostgres.deleteRecursively(kafka.dataDir());
            } catch (IOException e) {
                // leave it for mvn clean
            }
            kafka = null;
        }
    }
}
