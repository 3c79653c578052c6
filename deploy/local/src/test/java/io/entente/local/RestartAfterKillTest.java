package io.entente.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.platform.embedded.LocalKafka;
import io.entente.platform.embedded.LocalPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two parts whose restart is not just "run the command again": a PostgreSQL postmaster killed with -9 (not our
 * child; its backends linger a moment and its pid file stays) comes back on the same data, and a Kafka broker
 * killed with -9 comes back on the same ports. Free ports, so it runs beside a developer's stack.
 */
class RestartAfterKillTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void postgresqlAndKafkaKilledWithSigkillAreRestartedOnTheSameDataAndPorts() throws Exception {
        LocalPostgres[] postgres = {LocalPostgres.start(dir.resolve("postgres"), 0, true)};
        int pgPort = postgres[0].port();
        LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), 0, 0);
        Supervisor supervisor = new Supervisor(Supervisor.Policy.DEFAULT,
                new PrintStream(console, true, StandardCharsets.UTF_8), new StackState.Writer(dir));
        try {
            postgres[0].createDatabase("kept", "kept", "kept");
            try (Connection c = DriverManager.getConnection(postgres[0].jdbcUrl("kept"), "kept", "kept");
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (v int); INSERT INTO t VALUES (42)");
            }
            // Killed right after the commit was acknowledged: what was acknowledged must survive.
            supervisor.add(new Part("postgresql", dir.resolve("postgres.log"), () -> postgres[0].postmaster(), () -> {
                try {
                    postgres[0].close();
                } catch (RuntimeException e) {
                    // as in the launcher: a killed postmaster cannot be stopped, the lock is released anyway
                }
                postgres[0] = LocalPostgres.start(dir.resolve("postgres"), pgPort, true);
            }));
            supervisor.add(new Part("kafka", dir.resolve("kafka/broker.log"), kafka::process, kafka::restart));
            supervisor.ready("postgresql");
            supervisor.ready("kafka");
            supervisor.start();

            long postmaster = postgres[0].postmaster().orElseThrow().pid();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            long back = awaitNewPid("postgresql", postmaster);
            try (Connection c = DriverManager.getConnection(postgres[0].jdbcUrl("kept"), "kept", "kept");
                    Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM t")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1), "the data survived");
            }
            assertEquals(pgPort, postgres[0].port());
            assertNotEquals(postmaster, back);

            long broker = kafka.pid();
            ProcessHandle.of(broker).orElseThrow().destroyForcibly();
            awaitNewPid("kafka", broker);
            assertTrue(kafka.process().isPresent());
            assertTrue(console.toString().contains("kafka stopped unexpectedly (exit code 137)"), console.toString());
        } finally {
            supervisor.stop();
            kafka.close();
            postgres[0].close();
        }
    }

    private long awaitNewPid(String part, long old) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            Optional<StackState.Part> state = StackState.read(dir).flatMap(s -> s.part(part))
                    .filter(p -> p.state().equals("running") && p.pid() != old && p.pid() != 0);
            if (state.isPresent()) {
                assertEquals(1, state.get().restarts(), console.toString());
                return state.get().pid();
            }
            ManagedProcess.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError(part + " did not come back: " + console);
    }

    private record Part(String name, Path logFile, java.util.function.Supplier<Optional<ProcessHandle>> handle,
            Runnable restarter) implements Supervisor.Part {

        @Override
        public int port() {
            return 0;
        }

        @Override
        public Optional<ProcessHandle> process() {
            return handle.get();
        }

        @Override
        public String exitReason() {
            return name.equals("kafka") ? "exit code 137" : "its postmaster is gone";
        }

        @Override
        public void restart() {
            restarter.run();
        }

        @Override
        public void kill() {
        }
    }
}
