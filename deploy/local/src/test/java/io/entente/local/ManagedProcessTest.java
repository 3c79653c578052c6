package io.entente.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void aProcessThatDiesWhileStartingFailsFastWithItsLogTail() {
        ManagedProcess process = ManagedProcess.start("doomed", List.of("bash", "-c", "echo cannot bind; exit 3"),
                Map.of(), dir, dir.resolve("doomed.log"), Duration.ofSeconds(5));
        long start = System.nanoTime();
        StartupException error = assertThrows(StartupException.class,
                () -> process.awaitHttp200(URI.create("http://127.0.0.1:1/q/health/ready"), Duration.ofSeconds(60)));
        assertTrue(error.getMessage().contains("doomed exited with code 3"), error.getMessage());
        assertTrue(error.getMessage().contains("cannot bind"), error.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "did not wait out the timeout");
    }

    @Test
    void closeStopsTheProcessAndItsChildrenEvenWhenTheyIgnoreSigterm() {
        // The wrapper ignores SIGTERM and so does its child: only the forcible stop after the timeout ends them.
        ManagedProcess process = ManagedProcess.start("stubborn",
                List.of("bash", "-c", "trap '' TERM; bash -c \"trap '' TERM; sleep 300\" & wait"), Map.of(), dir,
                dir.resolve("stubborn.log"), Duration.ofSeconds(1));
        ManagedProcess.sleep(Duration.ofMillis(300));
        List<ProcessHandle> children = process.handle().descendants().toList();
        assertFalse(children.isEmpty());
        process.close();
        assertFalse(process.isAlive());
        children.forEach(child -> assertFalse(child.isAlive(), "child " + child.pid() + " still alive"));
    }

    @Test
    void killAlsoStopsTheJavaAWrapperScriptLeftBehindWhenTheScriptWasKilled() throws Exception {
        // kc.sh's shape: the script runs its server as a background child and waits for it.
        ManagedProcess process = ManagedProcess.start("wrapper", List.of("bash", "-c", "sleep 300 & wait"), Map.of(),
                dir, dir.resolve("wrapper.log"), Duration.ofSeconds(5));
        ProcessHandle server = await().atMost(Duration.ofSeconds(10))
                .until(() -> process.handle().descendants().findFirst(), java.util.Optional::isPresent).orElseThrow();
        process.noteDescendants();

        process.handle().destroyForcibly(); // kill -9 of the script, as a crash would
        process.handle().onExit().get(10, TimeUnit.SECONDS);
        assertTrue(server.isAlive(), "the orphan outlives its script (what used to keep Keycloak's port busy)");
        assertTrue(process.tree().contains(server), "the orphan is still known");

        process.kill();
        assertFalse(server.isAlive(), "orphan " + server.pid() + " still alive");
    }
}
