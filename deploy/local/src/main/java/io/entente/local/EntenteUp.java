package io.entente.local;

import io.entente.platform.embedded.LocalKafka;
import io.entente.platform.embedded.LocalPostgres;
import io.entente.platform.embedded.RepoRoot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * `./entente up`: PostgreSQL, Kafka, Keycloak, the four services and the frontend on one machine, with their data
 * under .entente/ so that everything survives a restart. Ctrl-C stops it all in reverse order.
 */
public final class EntenteUp {

    private static final List<String> DATABASES = ServiceProcess.SERVICES.stream()
            .map(ServiceProcess.Spec::database).toList();
    private static final Duration FALLBACK_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path root;
    private final Path home;
    private final Path logs;
    private final boolean skipMissing;
    private final LeftoverProcesses leftovers;
    private final PrintStream out = System.out;
    private final long startNanos = System.nanoTime();

    /** What has been started, newest last; stopAll() closes it from the end. */
    private final Deque<Map.Entry<String, AutoCloseable>> started = new ArrayDeque<>();
    /** Set when stopping begins; errors the main thread sees after that are consequences, not causes. */
    private volatile boolean stopping;

    private final List<ManagedProcess> watched = new ArrayList<>();
    private long kafkaPid;

    // The running parts, by name. StackFaults replaces them while the stack runs (fault runs), so what
    // stopAll() closes and where services find PostgreSQL are looked up here, never captured at start.
    private volatile LocalPostgres postgres;
    private volatile LocalKafka kafka;
    private volatile ServiceProcess.Infrastructure infra;
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();

    EntenteUp(Path root, boolean skipMissing) {
        this(root, root.resolve(".entente"), skipMissing);
    }

    private EntenteUp(Path root, Path home, boolean skipMissing) {
        this.root = root;
        this.home = home;
        this.logs = home.resolve("logs");
        this.skipMissing = skipMissing;
        this.leftovers = new LeftoverProcesses(home.resolve("run"), root);
    }

    /**
     * The same stack for end-to-end tests, with its data in {@code home} (e.g. a module's target/ folder) instead of
     * .entente/. Call {@link #start()}, then {@link #stopAll()}.
     */
    public static EntenteUp forTests(Path root, Path home) {
        return new EntenteUp(root, home, false);
    }

    public static void main(String[] args) {
        Path root;
        try {
            root = RepoRoot.find();
        } catch (IllegalStateException e) {
            System.err.println("entente: " + e.getMessage());
            System.exit(1);
            return;
        }
        EntenteUp up = new EntenteUp(root, List.of(args).contains("--skip-missing"));
        up.handleStopSignals();
        // Still needed for the exits no signal handler sees (an uncaught error, System.exit elsewhere).
        Runtime.getRuntime().addShutdownHook(new Thread(up::stopAll, "entente-shutdown"));
        try {
            up.run();
        } catch (RuntimeException e) {
            if (up.stopping) {
                return; // a consequence of Ctrl-C: the signal handler finishes the stop and exits
            }
            if (e instanceof StartupException) {
                System.err.println("entente: " + e.getMessage());
            } else {
                System.err.println("entente: unexpected failure while starting the stack:");
                e.printStackTrace();
            }
            up.stopAll();
            System.exit(1);
        }
    }

    /**
     * Ctrl-C, kill and a closed terminal stop the stack in order before the JVM's shutdown begins. Doing it in a
     * shutdown hook is not enough: hooks run concurrently, and Zonky's own hook would stop PostgreSQL while the
     * services still use it. Once stopped, exit() runs those hooks with nothing left for them to do.
     * sun.misc.Signal is unsupported API (javac warns), but it is exported by jdk.unsupported for this very use.
     */
    private void handleStopSignals() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (stopping) {
                        out.println("entente: already stopping, please wait");
                        return;
                    }
                    Thread stopper = new Thread(() -> {
                        stopAll();
                        System.exit(128 + signal.getNumber());
                    }, "entente-stop");
                    // Signal threads are daemons, and so would this be: then the JVM would exit (running the
                    // concurrent hooks) as soon as the main thread returns, in the middle of the ordered stop.
                    stopper.setDaemon(false);
                    stopping = true;
                    stopper.start();
                });
            } catch (IllegalArgumentException e) {
                // This signal does not exist here or the JVM reserves it: the shutdown hook still covers it.
            }
        }
    }

    void run() {
        start();
        printWelcome();
        watch(watched, kafkaPid);
    }

    /** Starts everything, waits until each part is ready and seeds an empty portfolio; returns once it is up. */
    public void start() {
        leftovers.stopRemaining(out);
        Map<Integer, String> ports = Ports.stack();
        if (LeftoverProcesses.postgresLeftRunning(home.resolve("postgres"))) {
            out.println("entente: PostgreSQL was left running by a previous launcher; restarting it");
            ports.remove(Ports.POSTGRES);
        }
        Ports.requireFree(ports);
        List<ServiceProcess.Spec> applications = applicationsToRun();
        createDirectories();
        out.println("entente: starting the local stack (data and logs in " + home + ")");

        LocalPostgres postgres = LocalPostgres.start(home.resolve("postgres"), Ports.POSTGRES, true);
        this.postgres = postgres;
        register("PostgreSQL", () -> this.postgres.close());
        for (String database : DATABASES) {
            postgres.createServiceDatabase(database);
        }
        step("PostgreSQL", "ready on 127.0.0.1:" + postgres.port() + " (databases " + String.join(", ", DATABASES)
                + ")");

        LocalKafka kafka = LocalKafka.start(home.resolve("kafka"), Ports.KAFKA, Ports.KAFKA_CONTROLLER);
        this.kafka = kafka;
        register("Kafka", kafka::close); // restarts in place (LocalKafka.restart), so the same object closes it
        step("Kafka", "ready on " + kafka.bootstrapServers());

        // Keycloak and the applications start together: services connect to Keycloak lazily, on the first request,
        // so there is no reason to wait out Keycloak's 15-30 s start before launching them.
        KeycloakServer keycloak = KeycloakServer.start(root, home.resolve("keycloak"), logs);
        register("Keycloak", keycloak);
        leftovers.remember(keycloak.process());
        step("Keycloak", "starting (pid " + keycloak.process().pid() + ")");

        ServiceProcess.Infrastructure infra = new ServiceProcess.Infrastructure(
                database -> this.postgres.jdbcUrl(database), kafka.bootstrapServers(), KeycloakServer.ISSUER);
        this.infra = infra;
        List<ServiceProcess> running = new ArrayList<>();
        for (ServiceProcess.Spec spec : applications) {
            ServiceProcess service = ServiceProcess.start(spec, root, logs, infra);
            services.put(spec.name(), service);
            register(spec.name(), () -> services.get(spec.name()).close());
            leftovers.remember(service.process());
            running.add(service);
            step(spec.name(), "starting (pid " + service.process().pid() + ")");
        }

        keycloak.awaitReady();
        step("Keycloak", "ready on " + KeycloakServer.PUBLIC_URL + " (admin console: admin / admin)");
        for (ServiceProcess service : running) {
            service.awaitReady();
            step(service.spec().name(), "ready on http://127.0.0.1:" + service.spec().port());
        }

        if (running.stream().anyMatch(s -> s.spec().name().equals("backlog-service"))) {
            new DemoSeed(out).runIfPortfolioEmpty();
        }
        watched.add(keycloak.process());
        running.forEach(s -> watched.add(s.process()));
        kafkaPid = kafka.pid();
    }

    /**
     * Kill -9 and restart of the running stack's parts, for end-to-end fault runs. Only after {@link #start()}.
     */
    public StackFaults faults() {
        if (infra == null) {
            throw new IllegalStateException("the stack is not started");
        }
        return new StackFaults(this);
    }

    LocalKafka kafka() {
        return kafka;
    }

    ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in this stack (" + services.keySet() + ")");
        }
        return service;
    }

    /** PostgreSQL's fast shutdown: open connections are cut, the data stays. */
    synchronized void stopPostgres() {
        postgres.close();
    }

    /** PostgreSQL again on the same data directory and port (after {@link #stopPostgres()}). */
    synchronized void startPostgres() {
        postgres.close(); // no-op when stopped already
        postgres = LocalPostgres.start(home.resolve("postgres"), Ports.POSTGRES, true);
    }

    /** Starts the named service again (it must have stopped or been killed) and waits until it is ready. */
    ServiceProcess restartService(String name) {
        ServiceProcess old = service(name);
        if (old.process().isAlive()) {
            throw new IllegalStateException(name + " still runs (pid " + old.process().pid() + ")");
        }
        ServiceProcess service = ServiceProcess.start(old.spec(), root, logs, infra);
        services.put(name, service);
        leftovers.remember(service.process());
        service.awaitReady();
        return service;
    }

    /**
     * One more instance of a service on another port: same database, same consumer group, its own log
     * ({@code <name>-<port>.log}). Stopped with the rest of the stack unless the caller stops it first.
     */
    ServiceProcess startInstance(String name, int port) {
        ServiceProcess.Spec spec = service(name).spec();
        if (!Ports.isFree(port)) {
            throw new StartupException("port " + port + " is already in use");
        }
        ServiceProcess.Spec instance = new ServiceProcess.Spec(name + "-" + port, port, spec.database(), spec.jar());
        ServiceProcess service = ServiceProcess.start(instance, root, logs, infra);
        register(instance.name(), service);
        leftovers.remember(service.process());
        service.awaitReady();
        return service;
    }

    /**
     * Missing applications are an error by default (the entente script builds them first); --skip-missing is for
     * working on the stack before every module exists.
     */
    private List<ServiceProcess.Spec> applicationsToRun() {
        List<ServiceProcess.Spec> all = new ArrayList<>(ServiceProcess.SERVICES);
        all.add(ServiceProcess.FRONTEND);
        List<ServiceProcess.Spec> present = new ArrayList<>();
        for (ServiceProcess.Spec spec : all) {
            if (Files.isRegularFile(spec.jarIn(root))) {
                present.add(spec);
            } else if (skipMissing) {
                out.println("entente: skipping " + spec.name() + ": " + spec.jar() + " is missing (--skip-missing)");
            } else {
                throw new StartupException(spec.jar() + " is missing - build it with: ./entente up --build");
            }
        }
        return present;
    }

    private void createDirectories() {
        try {
            for (String dir : List.of("postgres", "kafka", "keycloak", "logs")) {
                Files.createDirectories(home.resolve(dir));
            }
            // Lets './entente reset' refuse to delete the data of a running stack.
            Files.writeString(home.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new StartupException("could not create " + home + ": " + e.getMessage(), e);
        }
    }

    private synchronized void register(String name, AutoCloseable resource) {
        if (stopping) {
            // Ctrl-C arrived while this was starting: stopAll() has already taken its list.
            close(name, resource);
            throw new StartupException("stopped while starting");
        }
        started.addLast(Map.entry(name, resource));
    }

    /** Reverse start order, so nothing loses its database or broker while still running. Runs once. */
    public void stopAll() {
        List<Map.Entry<String, AutoCloseable>> toStop;
        synchronized (this) {
            stopping = true;
            toStop = new ArrayList<>(started);
            started.clear();
        }
        if (!toStop.isEmpty()) {
            out.println();
            out.println("entente: stopping");
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            close(toStop.get(i).getKey(), toStop.get(i).getValue());
        }
        // Anything started by a library and not closed above (or started while we were stopping) must not outlive
        // the launcher: a stray JVM would keep a port and block the next './entente up'.
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .forEach(p -> ManagedProcess.stop(p, FALLBACK_STOP_TIMEOUT));
        leftovers.forgetAll();
        deletePidFile();
        if (!toStop.isEmpty()) {
            out.println("entente: stopped");
        }
    }

    /** Only our own: a second launcher that failed on busy ports must not unprotect the running stack's data. */
    private void deletePidFile() {
        Path pidFile = home.resolve("launcher.pid");
        try {
            if (Files.isRegularFile(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(
                    ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            // Harmless: reset also checks whether the pid in it is still a launcher.
        }
    }

    private void close(String name, AutoCloseable resource) {
        long start = System.nanoTime();
        try {
            resource.close();
            out.printf("  stopped %-18s (%.1f s)%n", name, (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            out.println("  could not stop " + name + " cleanly: " + e);
        }
    }

    /** Keeps the launcher in the foreground and says so once if a child dies, pointing at its log. */
    private void watch(List<ManagedProcess> processes, long kafkaPid) {
        Set<String> reported = new HashSet<>();
        Optional<ProcessHandle> kafka = ProcessHandle.of(kafkaPid);
        while (!stopping) {
            for (ManagedProcess process : processes) {
                if (!process.isAlive() && reported.add(process.name())) {
                    out.println("entente: " + process.name() + " exited (code " + process.exitValue() + "), see "
                            + process.logFile());
                }
            }
            if (kafka.isPresent() && !kafka.get().isAlive() && reported.add("kafka")) {
                out.println("entente: Kafka exited, see " + home.resolve("kafka/broker.log"));
            }
            ManagedProcess.sleep(Duration.ofSeconds(2));
        }
    }

    private void step(String component, String message) {
        out.printf("  [%5.1fs] %-18s %s%n", (System.nanoTime() - startNanos) / 1e9, component, message);
    }

    private void printWelcome() {
        String row = "  %-9s %-9s %-17s %s%n";
        out.println();
        out.printf("Entente is up (%.0f s): http://localhost:8080%n", (System.nanoTime() - startNanos) / 1e9);
        out.println();
        out.printf(row, "user", "password", "role", "alliances");
        for (DemoSeed.DemoLogin login : DemoSeed.LOGINS) {
            String alliances = login.alliances().equals(DemoSeed.ALL_ALLIANCES) ? "all five"
                    : String.join(", ", login.alliances());
            out.printf(row, login.username(), DemoSeed.PASSWORD, login.role(), alliances);
        }
        out.println();
        out.println("  Keycloak admin console: " + KeycloakServer.PUBLIC_URL + "/admin (admin / admin)");
        out.println("  Logs: " + logs + "/<name>.log, " + home.resolve("postgres.log") + ", "
                + home.resolve("kafka/broker.log"));
        out.println("  Ctrl-C stops everything; './entente reset' deletes all local data.");
    }
}
