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
    private volatile List<String> demoFailures = List.of();
    private final Path home;
    private final Path logs;
    private final boolean skipMissing;
    /** Null for test stacks: they start once per build, and writing the archive would only slow their stop. */
    private final Path classDataArchives;
    private final LeftoverProcesses leftovers;
    private final PrintStream out = System.out;
    private final long startNanos = System.nanoTime();

    /** What has been started, newest last; stopAll() closes it from the end. */
    private final Deque<Map.Entry<String, AutoCloseable>> started = new ArrayDeque<>();
    /** Set when stopping begins; errors the main thread sees after that are consequences, not causes. */
    private volatile boolean stopping;

    private final StackState.Writer state;
    private final Supervisor supervisor;

    // The running parts, by name. StackFaults replaces them while the stack runs (fault runs), so what
    // stopAll() closes and where services find PostgreSQL are looked up here, never captured at start.
    private volatile LocalPostgres postgres;
    private volatile LocalKafka kafka;
    private volatile ServiceProcess.Infrastructure infra;
    private volatile KeycloakServer keycloak;
    private volatile LocalMail mail;
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();

    EntenteUp(Path root, boolean skipMissing) {
        this(root, root.resolve(".entente"), skipMissing, root.resolve(".entente/cds"));
    }

    private EntenteUp(Path root, Path home, boolean skipMissing, Path classDataArchives) {
        this.root = root;
        this.classDataArchives = classDataArchives;
        this.home = home;
        this.logs = home.resolve("logs");
        this.skipMissing = skipMissing;
        this.leftovers = new LeftoverProcesses(home.resolve("run"), root);
        this.state = new StackState.Writer(home);
        this.supervisor = new Supervisor(Supervisor.Policy.DEFAULT, out, state);
    }

    /**
     * The same stack for end-to-end tests, with its data in {@code home} (e.g. a module's target/ folder) instead of
     * .entente/. Call {@link #start()}, then {@link #stopAll()}.
     */
    /** What went wrong seeding the demo data on this start; empty when it was seeded or already there. */
    public List<String> demoFailures() {
        return demoFailures;
    }

    public static EntenteUp forTests(Path root, Path home) {
        return new EntenteUp(root, home, false, null);
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
                    // Said even when nothing has started yet: a launcher that ends without a word is a mystery.
                    out.println("entente: SIG" + signal.getName() + " received, stopping");
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
        state.up();
        // The supervisor's threads do the watching; this one only keeps the launcher in the foreground.
        while (!stopping) {
            ManagedProcess.sleep(Duration.ofSeconds(1));
        }
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

        supervisor.add(new PostgresPart());
        LocalPostgres postgres = LocalPostgres.start(home.resolve("postgres"), Ports.POSTGRES, true);
        this.postgres = postgres;
        register("PostgreSQL", this::closePostgres);
        supervisor.ready(PostgresPart.NAME);
        for (String database : DATABASES) {
            postgres.createServiceDatabase(database);
        }
        step("PostgreSQL", "ready on 127.0.0.1:" + postgres.port() + " (databases " + String.join(", ", DATABASES)
                + ")");

        supervisor.add(new KafkaPart());
        LocalKafka kafka = LocalKafka.start(home.resolve("kafka"), Ports.KAFKA, Ports.KAFKA_CONTROLLER);
        this.kafka = kafka;
        register("Kafka", kafka::close); // restarts in place (LocalKafka.restart), so the same object closes it
        supervisor.ready(KafkaPart.NAME);
        step("Kafka", "ready on " + kafka.bootstrapServers());

        LocalMail mail = LocalMail.start();
        this.mail = mail;
        register("GreenMail", mail::close);
        step("GreenMail", "ready: " + mail.where());

        // Keycloak and the applications start together: services connect to Keycloak lazily, on the first request,
        // so there is no reason to wait out Keycloak's 15-30 s start before launching them.
        supervisor.add(new KeycloakPart());
        KeycloakServer keycloak = KeycloakServer.start(root, home.resolve("keycloak"), logs, classDataArchives);
        this.keycloak = keycloak;
        register("Keycloak", () -> this.keycloak.close());
        leftovers.remember(keycloak.process());
        step("Keycloak", "starting (pid " + keycloak.process().pid() + ")");

        ServiceProcess.Infrastructure infra = new ServiceProcess.Infrastructure(
                database -> this.postgres.jdbcUrl(database), kafka.bootstrapServers(), KeycloakServer.ISSUER,
                classDataArchives);
        this.infra = infra;
        List<ServiceProcess> running = new ArrayList<>();
        for (ServiceProcess.Spec spec : applications) {
            supervisor.add(new ApplicationPart(spec.name(), spec.port()));
            ServiceProcess service = ServiceProcess.start(spec, root, logs, infra);
            services.put(spec.name(), service);
            register(spec.name(), () -> services.get(spec.name()).close());
            leftovers.remember(service.process());
            running.add(service);
            step(spec.name(), "starting (pid " + service.process().pid() + ")");
        }

        keycloak.awaitReady();
        leftovers.remember(keycloak.process()); // again, now that kc.sh's java runs
        supervisor.ready(KeycloakPart.NAME);
        step("Keycloak", "ready on " + KeycloakServer.PUBLIC_URL + " (admin console: admin / admin)");
        for (ServiceProcess service : running) {
            service.awaitReady();
            supervisor.ready(service.spec().name());
            step(service.spec().name(), "ready on http://127.0.0.1:" + service.spec().port());
        }

        if (running.stream().anyMatch(s -> s.spec().name().equals("backlog-service"))) {
            demoFailures = new DemoSeed(out, database -> this.postgres.jdbcUrl(database)).runIfPortfolioEmpty();
        }
        // Only now: a part that dies while the stack starts fails the start with its log, which says more than
        // a restart loop would.
        supervisor.start();
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

    Supervisor supervisor() {
        return supervisor;
    }

    /** Where this stack keeps its data, logs and {@link StackState#FILE}. */
    public Path home() {
        return home;
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

    /** PostgreSQL again on the same data directory and port (after {@link #stopPostgres()} or a crash). */
    synchronized void startPostgres() {
        try {
            postgres.close(); // no-op when stopped already
        } catch (RuntimeException e) {
            // A postmaster that was killed cannot be stopped; closing still releases the data directory's lock.
        }
        postgres = LocalPostgres.start(home.resolve("postgres"), Ports.POSTGRES, true);
    }

    /** Synchronized with startPostgres(): a restart under way when the stack stops is waited for, then stopped. */
    private synchronized void closePostgres() {
        postgres.close();
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
        return startInstance(name, port, Map.of());
    }

    /** As {@link #startInstance(String, int)}, with further configuration (environment) for this instance only. */
    ServiceProcess startInstance(String name, int port, Map<String, String> settings) {
        ServiceProcess.Spec spec = service(name).spec();
        if (!Ports.isFree(port)) {
            throw new StartupException("port " + port + " is already in use");
        }
        ServiceProcess.Spec instance = new ServiceProcess.Spec(name + "-" + port, port, spec.database(), spec.jar());
        ServiceProcess service = ServiceProcess.start(instance, root, logs, infra, settings);
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

    private void register(String name, AutoCloseable resource) {
        synchronized (started) {
            if (!stopping) {
                started.addLast(Map.entry(name, resource));
                return;
            }
        }
        // Ctrl-C arrived while this was starting: stopAll() has already taken its list.
        close(name, resource);
        throw new StartupException("stopped while starting");
    }

    /** Reverse start order, so nothing loses its database or broker while still running. Runs once. */
    public void stopAll() {
        List<Map.Entry<String, AutoCloseable>> toStop;
        synchronized (started) {
            stopping = true;
            toStop = new ArrayList<>(started);
            started.clear();
        }
        // Before anything is stopped, so that no stop is taken for a crash.
        supervisor.stop();
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
        state.stopped();
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
            String alliances = login.alliances().equals(DemoSeed.ALL_ALLIANCES) ? "all"
                    : String.join(", ", login.alliances());
            if (login.company() != null) {
                alliances += " (" + login.company() + ")";
            }
            out.printf(row, login.username(), DemoSeed.PASSWORD, login.role(), alliances);
        }
        out.println();
        out.println("  Keycloak admin console: " + KeycloakServer.PUBLIC_URL + "/admin (admin / admin)");
        if (mail != null) {
            out.println("  Mail the notification service sends: " + mail.where());
        }
        out.println("  Logs: " + logs + "/<name>.log, " + home.resolve("postgres.log") + ", "
                + home.resolve("kafka/broker.log"));
        out.println("  Ctrl-C stops everything; './entente reset' deletes all local data.");
    }

    /** The postmaster is not our child: it is found through its pid file, and restarted on the same data. */
    private final class PostgresPart implements Supervisor.Part {
        static final String NAME = "postgresql";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public int port() {
            return Ports.POSTGRES;
        }

        @Override
        public Path logFile() {
            return home.resolve("postgres.log");
        }

        @Override
        public Optional<ProcessHandle> process() {
            LocalPostgres current = postgres;
            return current == null ? Optional.empty() : current.postmaster();
        }

        @Override
        public String exitReason() {
            return "its postmaster is gone";
        }

        @Override
        public void restart() {
            startPostgres();
        }

        @Override
        public void kill() {
            // LocalPostgres.start stops what it started when it fails; nothing is left over.
        }

        @Override
        public String advice() {
            return "If the log says the data directory is damaged, './entente reset' deletes all local data.";
        }
    }

    private final class KafkaPart implements Supervisor.Part {
        static final String NAME = "kafka";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public int port() {
            return Ports.KAFKA;
        }

        @Override
        public Path logFile() {
            return home.resolve("kafka/broker.log");
        }

        @Override
        public Optional<ProcessHandle> process() {
            return kafka.process();
        }

        @Override
        public String exitReason() {
            return kafka.exitReason();
        }

        @Override
        public void restart() {
            kafka.restart();
        }

        @Override
        public void kill() {
            kafka.kill();
        }
    }

    private final class KeycloakPart implements Supervisor.Part {
        static final String NAME = "keycloak";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public int port() {
            return Ports.KEYCLOAK;
        }

        @Override
        public Path logFile() {
            return logs.resolve("keycloak.log");
        }

        @Override
        public Optional<ProcessHandle> process() {
            return Optional.ofNullable(keycloak).map(k -> k.process().handle()).filter(ProcessHandle::isAlive);
        }

        @Override
        public String exitReason() {
            return exitReasonOf(keycloak.process());
        }

        @Override
        public void restart() {
            // A SIGKILL of kc.sh leaves its java running and holding the port: stop it before starting again.
            keycloak.process().kill();
            KeycloakServer restarted = KeycloakServer.start(root, home.resolve("keycloak"), logs, classDataArchives);
            keycloak = restarted;
            leftovers.remember(restarted.process());
            restarted.awaitReady();
            leftovers.remember(restarted.process());
        }

        @Override
        public void kill() {
            keycloak.process().kill();
        }
    }

    /** A service or the frontend. */
    private final class ApplicationPart implements Supervisor.Part {
        private final String name;
        private final int port;

        ApplicationPart(String name, int port) {
            this.name = name;
            this.port = port;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public Path logFile() {
            return logs.resolve(name + ".log");
        }

        @Override
        public Optional<ProcessHandle> process() {
            return Optional.ofNullable(services.get(name)).map(s -> s.process().handle())
                    .filter(ProcessHandle::isAlive);
        }

        @Override
        public String exitReason() {
            return exitReasonOf(service(name).process());
        }

        @Override
        public void restart() {
            restartService(name);
        }

        @Override
        public void kill() {
            service(name).kill();
        }
    }

    private static String exitReasonOf(ManagedProcess process) {
        if (process.isAlive()) {
            return "not ready in time";
        }
        int code = process.exitValue();
        // 128 + n: ended by signal n (137 = SIGKILL: kill -9 or the kernel's out-of-memory killer).
        return "exit code " + code + (code == 137 ? ", killed" : "");
    }
}
