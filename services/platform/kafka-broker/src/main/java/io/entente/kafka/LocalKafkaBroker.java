package io.entente.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker (broker + controller in one JVM) for local runs and tests.
 *
 * <pre>
 * java -cp $(cat services/platform/kafka-broker/target/broker.classpath) io.entente.kafka.LocalKafkaBroker \
 *      --data-dir .entente/kafka --port 9092 --controller-port 9093 [--partitions 3] [--exit-on-stdin-close]
 * </pre>
 *
 * <ul>
 *   <li>writes {@code <data-dir>/server.properties} on every start (listeners on 127.0.0.1 only);</li>
 *   <li>formats {@code <data-dir>/logs} with Kafka's StorageTool only when it is not formatted yet, so topics and
 *       offsets survive restarts;</li>
 *   <li>runs the broker in this JVM and prints {@code ENTENTE-KAFKA-READY <port>} on stdout once an admin client
 *       can describe the cluster;</li>
 *   <li>stops gracefully on SIGTERM; with {@code --exit-on-stdin-close} it also stops when its standard input
 *       reaches end of file, i.e. when the parent process that holds the pipe dies (no orphan brokers).</li>
 * </ul>
 */
public final class LocalKafkaBroker {

    public static final String READY_MARKER = "ENTENTE-KAFKA-READY";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        configureLogging();
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalKafkaBroker: " + e.getMessage());
            System.err.println("usage: LocalKafkaBroker --data-dir <dir> --port <port> --controller-port <port>"
                    + " [--partitions <n>] [--exit-on-stdin-close]");
            System.exit(2);
            return;
        }

        Path dataDir = options.dataDir.toAbsolutePath().normalize();
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);

        Map<String, String> settings = serverProperties(options, logDir);
        Path propsFile = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
            w.write("# Written by io.entente.kafka.LocalKafkaBroker on every start; edits are overwritten.\n");
            for (Map.Entry<String, String> e : settings.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        Properties props = new Properties();
        props.putAll(settings);

        formatIfNeeded(propsFile, logDir);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalKafkaBroker: shutting down");
            server.shutdown();
            server.awaitShutdown();
            System.out.println("LocalKafkaBroker: stopped");
        }, "entente-kafka-shutdown"));

        long started = System.nanoTime();
        server.startup();
        awaitReady(options.port);
        System.out.println(READY_MARKER + " " + options.port + " (" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms after startup, data in " + dataDir + ")");
        System.out.flush();

        if (options.exitOnStdinClose) {
            Thread watcher = new Thread(LocalKafkaBroker::exitWhenStdinCloses, "entente-kafka-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        server.awaitShutdown();
    }

    static Map<String, String> serverProperties(Options o, Path logDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + o.controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + o.port + ",CONTROLLER://127.0.0.1:" + o.controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + o.port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", Integer.toString(o.partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        // Fewer internal partitions than the defaults (50) make the first consumer group / transaction start faster.
        // Only used when the internal topic is created, so it stays consistent across restarts.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner (for __consumer_offsets) allocates and zeroes this buffer up front: 128 MB by default, and
        // 8 MB still deduplicates the offsets of a few dozen consumer groups in one pass.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // After a kill -9 the restarted broker cannot re-register until the old incarnation's session expires
        // (DuplicateBrokerRegistrationException); the 9 s default made every restart-after-kill take ~12 s.
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "1000");
        return p;
    }

    private static void formatIfNeeded(Path propsFile, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            System.out.println("LocalKafkaBroker: storage in " + logDir + " already formatted, keeping its data");
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        System.out.println("LocalKafkaBroker: formatting " + logDir + " with cluster id " + clusterId);
        int rc = StorageTool.execute(new String[] {
                "format", "--config", propsFile.toString(), "--cluster-id", clusterId, "--ignore-formatted" },
                System.out);
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + rc);
        }
    }

    private static void awaitReady(int port) throws InterruptedException {
        Properties cfg = new Properties();
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        cfg.put(AdminClientConfig.CLIENT_ID_CONFIG, "entente-kafka-ready-check");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(cfg)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Broker on port " + port + " not ready after " + READY_TIMEOUT, e);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    private static void exitWhenStdinCloses() {
        try (InputStream in = System.in) {
            byte[] buf = new byte[256];
            while (in.read(buf) >= 0) {
                // ignore anything written to us
            }
        } catch (IOException ignored) {
            // treat like end of file
        }
        System.out.println("LocalKafkaBroker: standard input closed (parent gone), exiting");
        System.exit(0); // runs the shutdown hook
    }

    /** Kafka logs through SLF4J; slf4j-simple is on the classpath. -D options given on the command line win. */
    private static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        // AbstractConfig dumps every config at INFO; keep the client/common chatter down, keep the kafka.* server logs.
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.controller", "info");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.storage", "info");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    static final class Options {
        Path dataDir;
        int port = -1;
        int controllerPort = -1;
        int partitions = 3;
        boolean exitOnStdinClose;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> a = new ArrayList<>(List.of(args));
            for (int i = 0; i < a.size(); i++) {
                String arg = a.get(i);
                switch (arg) {
                    case "--data-dir" -> o.dataDir = Paths.get(value(a, ++i, arg));
                    case "--port" -> o.port = intValue(a, ++i, arg);
                    case "--controller-port" -> o.controllerPort = intValue(a, ++i, arg);
                    case "--partitions" -> o.partitions = intValue(a, ++i, arg);
                    case "--exit-on-stdin-close" -> o.exitOnStdinClose = true;
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (o.dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            if (o.port <= 0 || o.port > 65535 || o.controllerPort <= 0 || o.controllerPort > 65535) {
                throw new IllegalArgumentException("--port and --controller-port are required (1-65535)");
            }
            if (o.port == o.controllerPort) {
                throw new IllegalArgumentException("--port and --controller-port must differ");
            }
            if (o.partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1");
            }
            return o;
        }

        private static String value(List<String> a, int i, String name) {
            if (i >= a.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return a.get(i);
        }

        private static int intValue(List<String> a, int i, String name) {
            try {
                return Integer.parseInt(value(a, i, name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number");
            }
        }
    }
}
