package io.entente.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    private static final Supervisor.Policy FAST = new Supervisor.Policy(Duration.ofMillis(50),
            Duration.ofMillis(200), 3, Duration.ofMinutes(1), Duration.ofMillis(50));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    private Supervisor supervisor;
    private FakePart part;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.stop();
        }
        if (part != null) {
            part.kill();
        }
    }

    @Test
    void aPartKilledWithSigkillIsStartedAgainAndTheStateFileSaysSo() {
        part = new FakePart("sleeper", "echo started; exec sleep 300");
        supervisor = supervise(part);
        long first = part.process.pid();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await(() -> StackState.read(dir).flatMap(s -> s.part("sleeper"))
                .filter(p -> p.state().equals("running") && p.pid() != first).isPresent());
        StackState.Part state = StackState.read(dir).orElseThrow().part("sleeper").orElseThrow();
        assertEquals(1, state.restarts());
        assertTrue(state.lastExit().contains("137"), state.lastExit());
        assertNotEquals(first, part.process.pid());
        assertTrue(part.process.isAlive());
        assertTrue(console.toString().contains("sleeper stopped unexpectedly (exit code 137)"), console.toString());
        assertTrue(console.toString().contains("sleeper is back"), console.toString());
    }

    @Test
    void aPartThatKeepsCrashingIsGivenUpOnWithItsLastLogLinesAndAdvice() {
        part = new FakePart("flaky", "echo 'FATAL: could not open the data directory'; sleep 0.1; exit 1");
        supervisor = supervise(part);

        // The state file says "failed" a moment before the console has the whole message: wait for both.
        await(() -> StackState.read(dir).flatMap(s -> s.part("flaky")).filter(p -> p.state().equals("failed"))
                .isPresent() && console.toString().contains("./entente logs flaky"));
        String said = console.toString();
        assertTrue(said.contains("flaky stopped 3 times"), said);
        assertTrue(said.contains("not restarted any more"), said);
        assertTrue(said.contains("FATAL: could not open the data directory"), said);
        assertTrue(said.contains("./entente logs flaky"), said);
        int starts = part.starts;
        ManagedProcess.sleep(Duration.ofMillis(500));
        assertEquals(starts, part.starts, "no restarts after giving up");
    }

    @Test
    void aHeldPartStaysDownUntilItIsReleased() {
        part = new FakePart("held", "exec sleep 300");
        supervisor = supervise(part);

        supervisor.hold("held", part::kill);
        ManagedProcess.sleep(Duration.ofMillis(500));
        assertEquals(1, part.starts);
        assertEquals("held", StackState.read(dir).orElseThrow().part("held").orElseThrow().state());

        supervisor.release("held", part::restart);
        assertEquals(2, part.starts);
        StackState.Part state = StackState.read(dir).orElseThrow().part("held").orElseThrow();
        assertEquals("running", state.state());
        assertEquals(0, state.restarts(), "a deliberate stop and start is no crash");
    }

    @Test
    void stoppingTheSupervisorEndsRestarts() {
        part = new FakePart("stopped", "exec sleep 300");
        supervisor = supervise(part);
        supervisor.stop();
        part.kill();
        ManagedProcess.sleep(Duration.ofMillis(500));
        assertEquals(1, part.starts);
    }

    private Supervisor supervise(FakePart part) {
        Supervisor s = new Supervisor(FAST, out, new StackState.Writer(dir));
        s.add(part);
        part.restart();
        s.ready(part.name());
        s.start();
        return s;
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "condition not met within 20 s");
            ManagedProcess.sleep(Duration.ofMillis(50));
        }
    }

    /** A bash process standing in for a part of the stack. */
    private final class FakePart implements Supervisor.Part {
        private final String name;
        private final String script;
        volatile ManagedProcess process;
        volatile int starts;

        FakePart(String name, String script) {
            this.name = name;
            this.script = script;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int port() {
            return 0;
        }

        @Override
        public Path logFile() {
            return dir.resolve(name + ".log");
        }

        @Override
        public Optional<ProcessHandle> process() {
            return Optional.ofNullable(process).map(ManagedProcess::handle).filter(ProcessHandle::isAlive);
        }

        @Override
        public String exitReason() {
            return "exit code " + process.exitValue();
        }

        @Override
        public void restart() {
            starts++;
            process = ManagedProcess.start(name, List.of("bash", "-c", script), Map.of(), dir, logFile(),
                    Duration.ofSeconds(2));
        }

        @Override
        public void kill() {
            if (process != null) {
                process.kill();
            }
        }
    }
}
