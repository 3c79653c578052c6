package io.entente.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keycloak and the applications run in their own sessions (see ManagedProcess), so if the launcher itself is
 * killed (kill -9, out of memory) they outlive it and keep their ports. Their pids are remembered under
 * .entente/run so that the next start can stop them instead of failing on "port in use".
 * (The Kafka broker ends itself when the launcher goes; LocalPostgres stops a leftover postmaster.)
 */
final class LeftoverProcesses {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Path runDir;
    private final Path root;

    LeftoverProcesses(Path runDir, Path root) {
        this.runDir = runDir;
        this.root = root;
    }

    void remember(ManagedProcess process) {
        try {
            Files.createDirectories(runDir);
            // The whole tree: a wrapper's orphaned java is found even when the wrapper itself was killed.
            Files.writeString(runDir.resolve(process.name() + ".pid"), process.tree().stream()
                    .map(p -> Long.toString(p.pid())).collect(Collectors.joining("\n")));
        } catch (IOException e) {
            // Only a convenience for the next start; not worth failing this one.
        }
    }

    /** After a clean stop there is nothing left to find next time. */
    void forgetAll() {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Missing directory or a file in use: stopRemaining() copes with stale pid files anyway.
        }
    }

    /** Stops what a previous, killed launcher left running; pids since reused by unrelated processes are ignored. */
    void stopRemaining(PrintStream out) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(runDir)) {
            pidFiles = files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList();
        } catch (IOException e) {
            return;
        }
        for (Path pidFile : pidFiles) {
            List<ProcessHandle> left = leftover(pidFile);
            if (!left.isEmpty()) {
                out.println("entente: stopping " + pidFile.getFileName().toString().replace(".pid", "")
                        + " left running by a previous launcher (pid " + left.get(0).pid() + ")");
                List<ProcessHandle> tree = new ArrayList<>();
                for (ProcessHandle process : left) {
                    tree.add(process);
                    process.descendants().forEach(tree::add);
                }
                ManagedProcess.stop(tree.stream().distinct().toList(), STOP_TIMEOUT);
            }
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // Checked again, harmlessly, next time.
            }
        }
    }

    /**
     * A postmaster still running on our data directory: it holds port 15432, but LocalPostgres stops such an
     * orphan itself before starting, so the port check must not fail on it.
     */
    static boolean postgresLeftRunning(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().command())
                    .map(command -> command.endsWith("/postgres"))
                    .orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private List<ProcessHandle> leftover(Path pidFile) {
        try {
            List<ProcessHandle> left = new ArrayList<>();
            for (String line : Files.readAllLines(pidFile)) {
                if (line.isBlank()) {
                    continue;
                }
                // Every command the launcher starts names a file inside the repository (a jar or kc.sh).
                ProcessHandle.of(Long.parseLong(line.trim()))
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(root.toString())).orElse(false))
                        .ifPresent(left::add);
            }
            return left;
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }
}
