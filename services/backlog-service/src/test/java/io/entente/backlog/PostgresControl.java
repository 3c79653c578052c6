package io.entente.backlog;

import io.entente.platform.embedded.LocalPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stops and starts the test cluster of {@link LocalPostgres} in place (same data directory, same port, same
 * settings) with PostgreSQL's own {@code pg_ctl}, so that a fault test can take the database away from a running
 * service and give it back. The options come from {@code postmaster.opts}, which the server writes at every start.
 */
final class PostgresControl {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path dataDir;
    private final Path pgCtl;
    private final List<String> options;

    PostgresControl(LocalPostgres postgres) {
        this.dataDir = postgres.dataDir();
        this.pgCtl = findPgCtl(dataDir.getParent().resolve("zonky-work"));
        this.options = readOptions(dataDir.resolve("postmaster.opts"));
    }

    /** Fast shutdown: open sessions are cut, as in a crash of the database host from the service's view. */
    void stop() {
        run(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
    }

    void start() {
        StringBuilder opts = new StringBuilder();
        for (String option : options) {
            opts.append('\'').append(option.replace("'", "'\\''")).append("' ");
        }
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        run(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-o", opts.toString().trim(), "-l", log.toString(),
                "-w", "-t", "60", "start"));
    }

    private static Path findPgCtl(Path workDir) {
        try (Stream<Path> dirs = Files.list(workDir)) {
            return dirs.map(d -> d.resolve("bin").resolve("pg_ctl")).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pg_ctl under " + workDir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code /…/postgres "-D" "/data" "-p" "35335" "-c" "x=y"}: everything after the data directory. */
    private static List<String> readOptions(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).trim();
            List<String> args = new ArrayList<>();
            Matcher m = QUOTED.matcher(line);
            while (m.find()) {
                args.add(m.group(1).replaceAll("\\\\(.)", "$1"));
            }
            int d = args.indexOf("-D");
            return d < 0 ? args : new ArrayList<>(args.subList(d + 2, args.size()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static void run(List<String> args) {
        List<String> command = new ArrayList<>();
        // pg_ctl refuses to run as root; like Zonky, run it in a user namespace where we are not.
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            command.addAll(List.of("/usr/bin/unshare", "-U"));
        }
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
