package io.entente.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A child process of the launcher whose output goes to a log file, with readiness polling and a graceful stop. */
final class ManagedProcess implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final long MAX_LOG_BYTES = 20L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration stopTimeout;
    /**
     * Descendants seen while the process ran. A wrapper script (kc.sh) runs its java as a child: when the script is
     * killed with SIGKILL, the java lives on as an orphan that no longer descends from anything we hold, keeping its
     * port; remembering it is the only way to stop it.
     */
    private final Set<ProcessHandle> seenDescendants = ConcurrentHashMap.newKeySet();

    private ManagedProcess(String name, Process process, Path logFile, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logFile, Duration stopTimeout) {
        List<String> fullCommand = new ArrayList<>();
        // A Ctrl-C in the terminal signals the whole foreground process group at once. A new session keeps the
        // children out of it, so only the launcher hears it and can stop them in order (services before Kafka and
        // PostgreSQL), instead of everything dying together and services logging connection errors.
        if (Files.isExecutable(SETSID)) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logFile.getParent());
            // Logs are appended across runs (so the previous run stays readable) but kept from growing forever.
            if (Files.isRegularFile(logFile) && Files.size(logFile) > MAX_LOG_BYTES) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".old"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            // The banner makes the start of this run easy to find.
            Files.writeString(logFile, "%n===== %s: %s%n".formatted(Instant.now(), String.join(" ", command)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ManagedProcess(name, builder.start(), logFile, stopTimeout);
        } catch (IOException e) {
            throw new StartupException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Remembers the process's current descendants (done once it is ready, when its real server runs). */
    void noteDescendants() {
        process.toHandle().descendants().forEach(seenDescendants::add);
    }

    /** The process, its descendants and every remembered descendant still running, even when orphaned. */
    List<ProcessHandle> tree() {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        seenDescendants.stream().filter(ProcessHandle::isAlive).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * Polls until the URL answers 200. Fails early, with the log tail, if the process exits meanwhile:
     * waiting out the full timeout for a process that is already dead helps nobody.
     */
    void awaitHttp200(URI uri, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        String lastAnswer = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartupException(name + " exited with code " + process.exitValue() + " while starting."
                        + tailForMessage());
            }
            try {
                HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    noteDescendants();
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastAnswer = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("interrupted while waiting for " + name);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new StartupException(name + " was not ready after " + timeout.toSeconds() + " s (" + uri + ": "
                + lastAnswer + ")." + tailForMessage());
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private String tailForMessage() {
        return System.lineSeparator() + "----- last lines of " + logFile + " -----" + System.lineSeparator()
                + tail(40) + System.lineSeparator() + "-----";
    }

    /**
     * SIGTERM first so the process can shut down cleanly, SIGKILL after the timeout. Descendants are
     * collected up front because a wrapper script (kc.sh) may exit before its java child does.
     */
    @Override
    public void close() {
        stop(tree(), stopTimeout);
    }

    /**
     * SIGKILL, no chance to clean up: what a crash or the OOM killer does (fault runs); also what is left of a
     * process that crashed (its orphaned descendants). Waits until all of it is gone.
     */
    void kill() {
        List<ProcessHandle> all = tree();
        for (ProcessHandle handle : all) {
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // SIGKILL cannot be refused; the kernel just has not reaped it yet.
            }
        }
    }

    static void stop(ProcessHandle root, Duration timeout) {
        Deque<ProcessHandle> all = new ArrayDeque<>(root.descendants().collect(Collectors.toList()));
        all.addFirst(root);
        stop(List.copyOf(all), timeout);
    }

    static void stop(List<ProcessHandle> all, Duration timeout) {
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(timeout);
        for (ProcessHandle handle : all) {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Timed out (or interrupted): fall through to the forcible stop below.
            }
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // SIGKILL cannot be refused; the kernel just has not reaped it yet.
                }
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted");
        }
    }
}
