package io.entente.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One Quarkus application of the stack, run from its fast-jar as a separate JVM. */
final class ServiceProcess implements AutoCloseable {

    /** database is null for the frontend, which has none. */
    record Spec(String name, int port, String database, String jar) {

        Path jarIn(Path root) {
            return root.resolve(jar);
        }

        URI readiness() {
            return URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        }
    }

    static final List<Spec> SERVICES = List.of(
            new Spec("backlog-service", 8081, "backlog", "services/backlog-service/target/quarkus-app/quarkus-run.jar"),
            new Spec("sprint-service", 8082, "sprint", "services/sprint-service/target/quarkus-app/quarkus-run.jar"),
            new Spec("decision-service", 8083, "decision",
                    "services/decision-service/target/quarkus-app/quarkus-run.jar"),
            new Spec("governance-service", 8084, "governance",
                    "services/governance-service/target/quarkus-app/quarkus-run.jar"),
            new Spec("notification-service", 8085, "notification",
                    "services/notification-service/target/quarkus-app/quarkus-run.jar"));

    static final Spec FRONTEND = new Spec("frontend", Ports.FRONTEND, null,
            "frontend/target/quarkus-app/quarkus-run.jar");

    // Five JVMs and Keycloak share two cores at startup: 4 s alone became 50 s on a loaded machine.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Sized for a small idle footprint (several JVMs share one machine): the serial collector has no GC threads and
     * keeps the heap as small as the live data allows; the heap starts small and grows under load. The JVM's default
     * on a two-core machine with plenty of memory is G1 with an initial heap of 1/64 of the RAM.
     * Only C1 compiles: with six JVMs starting on two cores, C2's compile threads were most of the start-up CPU
     * (the stack was up in 49 s with C2, 33 s without), and in the benchmark a C1-only service creates items as fast
     * (100-114/s against 107/s at 16 clients, once warm) and faster while warming up, in 40-70 MB less memory.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms24m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=96m");

    private final Spec spec;
    private final ManagedProcess process;

    private ServiceProcess(Spec spec, ManagedProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /**
     * Environment shared by every application: where the infrastructure is, and where each application's
     * class-data sharing archive is kept (null: none).
     */
    record Infrastructure(UnaryOperator<String> jdbcUrlOfDatabase, String kafkaBootstrapServers,
            String oidcAuthServerUrl, Path classDataArchives) {
    }

    static ServiceProcess start(Spec spec, Path root, Path logs, Infrastructure infra) {
        return start(spec, root, logs, infra, Map.of());
    }

    /** {@code settings}: further environment (Quarkus configuration) for this process only, applied last. */
    static ServiceProcess start(Spec spec, Path root, Path logs, Infrastructure infra, Map<String, String> settings) {
        Path jar = spec.jarIn(root);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.oidcAuthServerUrl());
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(Ports.SMTP));
        if (spec.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrlOfDatabase().apply(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", spec.database());
            env.put("QUARKUS_DATASOURCE_PASSWORD", spec.database());
        }
        env.putAll(tracing(System.getenv()));
        env.putAll(settings);
        // glibc gives every thread that mallocs its own 64 MB arena: with a service's few dozen threads that is
        // tens of MB of RSS for nothing (the JVM allocates its heap itself).
        env.put("MALLOC_ARENA_MAX", "2");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        if (infra.classDataArchives() != null) {
            command.add(classDataSharing(jar, infra.classDataArchives().resolve(spec.name() + ".jsa")));
        }
        command.add("-jar");
        command.add(jar.toString());
        ManagedProcess process = ManagedProcess.start(spec.name(), command, env, root,
                logs.resolve(spec.name() + ".log"), STOP_TIMEOUT);
        return new ServiceProcess(spec, process);
    }

    /**
     * A dynamic class-data sharing archive holds the classes a service loaded, already parsed and verified: the JVM
     * maps it instead of loading them from the jars again. Made by the JVM when the service stops for the first time
     * after a build (the jar is newer than the archive), used by every start after that.
     * The JVM checks the archive against the jars itself and ignores one that does not fit.
     */
    static String classDataSharing(Path jar, Path archive) {
        try {
            if (Files.isRegularFile(archive) && Files.size(archive) > 0
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return "-XX:SharedArchiveFile=" + archive;
            }
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new StartupException("could not prepare " + archive + ": " + e.getMessage(), e);
        }
        return "-XX:ArchiveClassesAtExit=" + archive;
    }

    /**
     * Traces are off unless an OTLP endpoint is given ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, the variable every
     * OpenTelemetry SDK reads, e.g. {@code http://localhost:4317} of a local Jaeger): then every JVM sends its spans
     * there. Off, a service records no span; see deploy/README.md, "Traces".
     */
    static Map<String, String> tracing(Map<String, String> outer) {
        String endpoint = outer.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return Map.of();
        }
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.strip());
    }

    /** The JVM running the launcher was already checked by the entente script, so children reuse it. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    void awaitReady() {
        process.awaitHttp200(spec.readiness(), READY_TIMEOUT);
    }

    Spec spec() {
        return spec;
    }

    ManagedProcess process() {
        return process;
    }

    /** Graceful stop: SIGTERM, SIGKILL after the stop timeout. */
    @Override
    public void close() {
        process.close();
    }

    void kill() {
        process.kill();
    }
}
