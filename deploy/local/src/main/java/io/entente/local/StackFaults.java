package io.entente.local;

import java.util.Map;

/**
 * The faults of an end-to-end fault run, done to a stack started by {@link EntenteUp#start()}: kill -9
 * and restart of the Kafka broker and of a service, a PostgreSQL restart on the same data directory, and more
 * instances of a service in its consumer group. Each method returns once the change is complete (a restarted part
 * is ready again). The kill and stop methods hold the part, so that the supervisor does not restart it behind the
 * test's back; the start methods hand it back. For tests: a developer's `./entente up` never calls these.
 */
public final class StackFaults {

    private final EntenteUp up;

    StackFaults(EntenteUp up) {
        this.up = up;
    }

    /** SIGKILL to the broker JVM; it stays down (the supervisor leaves it alone) until {@link #startKafka()}. */
    public void killKafka() {
        up.supervisor().hold("kafka", () -> up.kafka().kill());
    }

    /** The broker again, on the same ports and data; returns when it answers. */
    public void startKafka() {
        up.supervisor().release("kafka", () -> up.kafka().restart());
    }

    /** The broker JVM's pid, e.g. to show that a restart really is a new process. */
    public long kafkaPid() {
        return up.kafka().pid();
    }

    /** SIGKILL to a service of the stack ({@code sprint-service}, ...); it stays down until {@link #startService}. */
    public void killService(String name) {
        up.supervisor().hold(name, () -> up.service(name).kill());
    }

    /** Starts a killed or stopped service again on its own port and waits until its readiness answers 200. */
    public void startService(String name) {
        up.supervisor().release(name, () -> up.restartService(name));
    }

    public long servicePid(String name) {
        return up.service(name).process().pid();
    }

    /** PostgreSQL's fast shutdown: open connections are cut; it stays down until {@link #startPostgres()}. */
    public void stopPostgres() {
        up.supervisor().hold("postgresql", up::stopPostgres);
    }

    /** PostgreSQL again on the same data directory and port; returns when it accepts connections. */
    public void startPostgres() {
        up.supervisor().release("postgresql", up::startPostgres);
    }

    /**
     * What the supervisor knows about each part right now ({@code .entente/state.json} of this stack). A part killed
     * without the methods above (e.g. {@code kill -9} of its pid) is a crash: the supervisor restarts it.
     */
    public StackState state() {
        return StackState.read(up.home()).orElseThrow(() -> new IllegalStateException("no state file in "
                + up.home()));
    }

    /**
     * Another instance of {@code name} on {@code port}, with the same database and consumer group as the first, so
     * the two share the partitions. Returns once it is ready.
     */
    public Instance startInstance(String name, int port) {
        return new Instance(up.startInstance(name, port));
    }

    /** As {@link #startInstance(String, int)}, with further Quarkus configuration as environment variables. */
    public Instance startInstance(String name, int port, Map<String, String> settings) {
        return new Instance(up.startInstance(name, port, settings));
    }

    /** A further instance of a service, started by {@link #startInstance}. */
    public static final class Instance {

        private final ServiceProcess service;

        private Instance(ServiceProcess service) {
            this.service = service;
        }

        public int port() {
            return service.spec().port();
        }

        public long pid() {
            return service.process().pid();
        }

        public boolean isAlive() {
            return service.process().isAlive();
        }

        /** SIGTERM: the service shuts down cleanly (its consumer leaves the group); SIGKILL after 15 s. */
        public void stop() {
            service.close();
        }

        /** SIGKILL: the group only notices when the member's session times out. */
        public void kill() {
            service.kill();
        }
    }
}
