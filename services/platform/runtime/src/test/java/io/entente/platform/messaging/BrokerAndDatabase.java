package io.entente.platform.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real PostgreSQL (Zonky) and a real Kafka broker (the kafka-broker module's launcher, own JVM) for the platform's
 * own messaging tests. entente-platform-testing has the full-featured versions (LocalPostgres, LocalKafka) but depends
 * on this module, so this module cannot use them; this is the bare minimum, throw-away data under target/.
 */
public class BrokerAndDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile long brokerPid;

    private EmbeddedPostgres postgres;
    private Process broker;
    private OutputStream brokerStdin;

    @Override
    public Map<String, String> start() {
        Path dir = Paths.get(System.getProperty("user.dir"), "target", "messaging-test",
                UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            String previous = System.getProperty("ot.epg.working-dir");
            // Zonky's default parent folder is a shared /tmp/embedded-pg; keep ours private.
            System.setProperty("ot.epg.working-dir", dir.toString());
            try {
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(dir.toFile())
                        .setDataDirectory(dir.resolve("pg"))
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "")
                        .setServerConfig("fsync", "off")
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("pg.log").toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("pg.log").toFile()))
                        .start();
            } finally {
                if (previous == null) {
                    System.clearProperty("ot.epg.working-dir");
                } else {
                    System.setProperty("ot.epg.working-dir", previous);
                }
            }
            int port = freePort();
            int controller = freePort();
            Path log = dir.resolve("broker.log");
            broker = new ProcessBuilder(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-XX:+UseSerialGC", "-cp", brokerClasspath(), "io.entente.kafka.LocalKafkaBroker",
                    "--data-dir", dir.resolve("kafka").toString(), "--port", Integer.toString(port),
                    "--controller-port", Integer.toString(controller), "--exit-on-stdin-close"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            brokerPid = broker.pid();
            // The broker stops itself when this stream closes, even if this JVM is killed.
            brokerStdin = broker.getOutputStream();
            String bootstrap = "127.0.0.1:" + port;
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 3000,
                    "default.api.timeout.ms", 5000))) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    if (!broker.isAlive()) {
                        throw new AssertionError("Kafka broker exited; see " + log);
                    }
                    return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
                });
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "kafka.bootstrap.servers", bootstrap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker JVM, for CPU accounting. */
    static long brokerPid() {
        return brokerPid;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.destroy();
            try {
                if (!broker.waitFor(20, TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                }
                brokerStdin.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the broker is gone anyway
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // target/ is thrown away by mvn clean
            }
        }
    }

    private static String brokerClasspath() throws IOException {
        for (Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path file = d.resolve("services/platform/kafka-broker/target/broker.classpath");
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
        }
        throw new IllegalStateException("services/platform/kafka-broker/target/broker.classpath is missing:"
                + " build the broker first (./mvnw -pl services/platform/kafka-broker package)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
