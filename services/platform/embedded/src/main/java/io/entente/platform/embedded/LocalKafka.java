package io.entente.platform.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft Kafka broker (Kafka 4.3.1) in its own JVM, launched from
 * {@code services/platform/kafka-broker} ({@code io.entente.kafka.LocalKafkaBroker}) with the classpath that module
 * writes to {@code target/broker.classpath} at {@code package}. Listens on 127.0.0.1 only; data in
 * {@code <dataDir>/logs} survives restarts; broker output goes to {@code <dataDir>/broker.log}.
 *
 * <p>The broker watches its standard input, which this class keeps open: if this JVM dies, even with kill -9, the
 * broker shuts itself down instead of lingering.
 */
public final class LocalKafka implements AutoCloseable {

    static final String BROKER_MAIN = "io.entente.kafka.LocalKafkaBroker";
    static final String CLASSPATH_FILE = "services/platform/kafka-broker/target/broker.classpath";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private Process process;
    private OutputStream brokerStdin;
    private String lastExit = "not started";

    private LocalKafka(Path dataDir, int port, int controllerPort, String classpath) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    /**
     * Launches the broker and waits (up to 60 s) until an admin client can describe the cluster.
     *
     * @param dataDir        broker data (created if missing; formatted only the first time)
     * @param port           PLAINTEXT port, 0 = pick a free one
     * @param controllerPort KRaft controller port, 0 = pick a free one
     */
    public static LocalKafka start(Path dataDir, int port, int controllerPort) {
        String classpath = readBrokerClasspath();
        int p = port == 0 ? freePort() : port;
        int c = controllerPort == 0 ? freePort(p) : controllerPort;
        LocalKafka kafka = new LocalKafka(dataDir.toAbsolutePath().normalize(), p, c, classpath);
        kafka.launchAndAwaitReady();
        return kafka;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker JVM's process id. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("Broker is not running");
        }
        return process.pid();
    }

    /** The broker JVM, while one runs (empty after {@link #kill()} or a crash). */
    public synchronized java.util.Optional<ProcessHandle> process() {
        return process != null && process.isAlive() ? java.util.Optional.of(process.toHandle())
                : java.util.Optional.empty();
    }

    /** How the last broker JVM ended ("exit code 137"), or "running". */
    public synchronized String exitReason() {
        if (process == null) {
            return lastExit;
        }
        return process.isAlive() ? "running" : "exit code " + process.exitValue();
    }

    /** Kills the broker JVM with SIGKILL (fault tests) and waits until it is gone. Does not restart it. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(process, STOP_TIMEOUT);
        closeStdin();
        lastExit = "killed";
        process = null;
    }

    /** Starts the broker again on the same ports and data directory (stopping it first if it runs). */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            stopGracefully();
        }
        // A broker that died on its own (kill -9, out of memory) leaves its stdin pipe open on our side.
        closeStdin();
        launchAndAwaitReady();
    }

    /** Graceful stop: SIGTERM, up to 20 s, then SIGKILL. */
    @Override
    public synchronized void close() {
        if (process != null) {
            stopGracefully();
        }
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", controller " + controllerPort + ", " + dataDir + "]";
    }

    private synchronized void launchAndAwaitReady() {
        Path log = dataDir.resolve("broker.log");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(log, "", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        // Its own session: a terminal Ctrl-C reaches only our JVM, which then stops the broker after the services
        // that use it. The stdin watch still ends the broker if our JVM dies.
        if (Files.isExecutable(Paths.get("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // A broker of a few topics and one partition each: a small heap that grows only when needed.
        cmd.add("-Xms16m");
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(BROKER_MAIN);
        cmd.add("--data-dir");
        cmd.add(dataDir.toString());
        cmd.add("--port");
        cmd.add(Integer.toString(port));
        cmd.add("--controller-port");
        cmd.add(Integer.toString(controllerPort));
        cmd.add("--exit-on-stdin-close");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        // One malloc arena per thread would add tens of MB of RSS to a process that barely mallocs.
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch the Kafka broker JVM", e);
        }
        brokerStdin = process.getOutputStream();
        awaitReady(log);
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // 1. the port accepts connections (cheap, and keeps the admin client from logging connection failures)
        while (!accepts(port)) {
            checkAliveAndInTime(deadline, log);
            pause();
        }
        // 2. the cluster answers
        Properties cfg = new Properties();
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        cfg.put(AdminClientConfig.CLIENT_ID_CONFIG, "entente-local-kafka-ready-check");
        try (Admin admin = Admin.create(cfg)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (Exception e) {
                    // not ready yet
                }
                checkAliveAndInTime(deadline, log);
                pause();
            }
        }
    }

    private void checkAliveAndInTime(long deadline, Path log) {
        if (!process.isAlive()) {
            int code = process.exitValue();
            lastExit = "exit code " + code;
            process = null;
            throw new IllegalStateException("Kafka broker exited with code " + code + " before it was ready; see "
                    + log + ":\n" + tail(log));
        }
        if (System.nanoTime() > deadline) {
            stopGracefully();
            throw new IllegalStateException("Kafka broker not ready on " + bootstrapServers() + " after "
                    + READY_TIMEOUT.toSeconds() + " s; see " + log + ":\n" + tail(log));
        }
    }

    private void stopGracefully() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        if (!awaitExit(p, STOP_TIMEOUT)) {
            p.destroyForcibly();
            awaitExit(p, STOP_TIMEOUT);
        }
        closeStdin();
        lastExit = "stopped";
        process = null;
    }

    private void closeStdin() {
        if (brokerStdin != null) {
            try {
                brokerStdin.close();
            } catch (IOException ignored) {
                // the broker is gone anyway
            }
            brokerStdin = null;
        }
    }

    private static boolean awaitExit(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    static String readBrokerClasspath() {
        Path root = RepoRoot.find();
        Path file = root.resolve(CLASSPATH_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Kafka broker classpath " + file + " is missing: build the broker first with"
                    + " `./mvnw -pl services/platform/kafka-broker package` (from " + root + ")");
        }
        try {
            String cp = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (cp.isEmpty() || cp.contains("${")) {
                throw new IllegalStateException("Kafka broker classpath " + file + " is invalid; rebuild it with"
                        + " `./mvnw -pl services/platform/kafka-broker package`");
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort(int... avoid) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int candidate = s.getLocalPort();
                boolean clash = false;
                for (int a : avoid) {
                    clash |= a == candidate;
                }
                if (!clash) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free port", e);
            }
        }
        throw new IllegalStateException("Could not find a free port");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
