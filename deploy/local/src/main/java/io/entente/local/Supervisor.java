package io.entente.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the parts of a running stack running: a part that exits without being asked is started again after a
 * growing pause, and after too many crashes in a short time it is left down with a message that says which part,
 * why (the end of its log) and what to do. One thread per part, so a slow restart (a service needs tens of seconds
 * on two busy cores) never delays noticing that another part died.
 *
 * <p>What runs is described in {@code .entente/state.json} ({@link StackState}) for {@code ./entente status}.
 */
final class Supervisor {

    /** What the supervisor needs to know about one part; implemented by the launcher for each kind. */
    interface Part {

        String name();

        /** 0 when the part listens on no fixed port. */
        int port();

        Path logFile();

        /** The process to look at (a wrapper script's, for Keycloak), empty when none is running. */
        Optional<ProcessHandle> process();

        /** Why the last process ended, as far as it is known ("exit code 137"). */
        String exitReason();

        /** Starts the part again and returns once it is ready; throws when it does not get there. */
        void restart();

        /** Stops whatever is left of a failed restart, so that the next attempt finds its port free. */
        void kill();

        /** A hint for the message shown when the part is given up on. */
        default String advice() {
            return "";
        }
    }

    /** The policy: pauses grow from {@code firstPause}, doubling up to {@code maxPause}. */
    record Policy(Duration firstPause, Duration maxPause, int maxCrashes, Duration window, Duration checkEvery) {

        static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
                Duration.ofMinutes(10), Duration.ofMillis(500));

        Duration pauseAfter(int crashesInWindow) {
            long millis = firstPause.toMillis() << Math.min(20, Math.max(0, crashesInWindow - 1));
            return Duration.ofMillis(Math.min(millis, maxPause.toMillis()));
        }
    }

    enum State {
        STARTING, RUNNING, RESTARTING, FAILED, HELD, STOPPED;

        String label() {
            return name().toLowerCase();
        }
    }

    /** Where the supervisor is with one part; read by the state file writer. */
    static final class Supervised {
        final Part part;
        volatile State state = State.STARTING;
        volatile long pid;
        volatile Instant since = Instant.now();
        volatile int restarts;
        volatile String lastExit;
        volatile Instant lastExitAt;
        /** Asked to stay down (a fault test stopped it and will start it itself). */
        volatile boolean held;
        private final Deque<Instant> crashes = new ArrayDeque<>();
        private Thread thread;

        Supervised(Part part) {
            this.part = part;
        }
    }

    private final Map<String, Supervised> parts = new LinkedHashMap<>();
    private final Policy policy;
    private final PrintStream out;
    private final StackState.Writer state;
    private volatile boolean stopping;

    Supervisor(Policy policy, PrintStream out, StackState.Writer state) {
        this.policy = policy;
        this.out = out;
        this.state = state;
    }

    /** Registers a part before it starts (so that status shows it as starting). */
    synchronized void add(Part part) {
        parts.put(part.name(), new Supervised(part));
        publish();
    }

    /** The part is up: from now on, an exit that nobody asked for is a crash. */
    void ready(String name) {
        Supervised s = get(name);
        s.pid = s.part.process().map(ProcessHandle::pid).orElse(0L);
        s.since = Instant.now();
        s.state = State.RUNNING;
        publish();
    }

    /** Starts watching every part added so far. */
    synchronized void start() {
        for (Supervised s : parts.values()) {
            if (s.thread == null) {
                s.thread = new Thread(() -> watch(s), "supervise-" + s.part.name());
                s.thread.setDaemon(true);
                s.thread.start();
            }
        }
    }

    /**
     * Runs {@code action} (a deliberate stop, e.g. a fault test's kill) while the part is held: the supervisor does
     * not restart it until {@link #release}.
     */
    void hold(String name, Runnable action) {
        Supervised s = get(name);
        synchronized (s) {
            s.held = true;
            s.state = State.HELD;
            publish();
            action.run();
        }
    }

    /** Runs {@code start} (which brings the held part back) and supervises the part again. */
    void release(String name, Runnable start) {
        Supervised s = get(name);
        synchronized (s) {
            start.run();
            s.held = false;
            s.crashes.clear();
        }
        ready(name);
    }

    /** No more restarts: everything is about to be stopped on purpose. */
    void stop() {
        stopping = true;
        List<Thread> threads;
        synchronized (this) {
            threads = parts.values().stream().map(s -> s.thread).filter(t -> t != null).toList();
            parts.values().forEach(s -> s.state = State.STOPPED);
        }
        threads.forEach(Thread::interrupt);
        state.stopping();
    }

    boolean isStopping() {
        return stopping;
    }

    synchronized List<Supervised> parts() {
        return new ArrayList<>(parts.values());
    }

    private synchronized Supervised get(String name) {
        Supervised s = parts.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no part " + name + " (" + parts.keySet() + ")");
        }
        return s;
    }

    private void watch(Supervised s) {
        while (!stopping) {
            try {
                Thread.sleep(policy.checkEvery().toMillis());
                if (s.state != State.RUNNING || s.held || isAlive(s)) {
                    continue;
                }
                crashed(s);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A bug here must not end supervision of this part for the rest of the session.
                out.println("entente: supervising " + s.part.name() + " failed: " + e);
            }
        }
    }

    private boolean isAlive(Supervised s) {
        return s.part.process().filter(ProcessHandle::isAlive).isPresent();
    }

    /** Restarts until the part is ready again, or gives up; runs on the part's own thread. */
    private void crashed(Supervised s) throws InterruptedException {
        String reason = s.part.exitReason();
        while (!stopping) {
            Instant now = Instant.now();
            s.lastExit = reason;
            s.lastExitAt = now;
            s.crashes.addLast(now);
            while (!s.crashes.isEmpty() && s.crashes.peekFirst().isBefore(now.minus(policy.window()))) {
                s.crashes.removeFirst();
            }
            if (s.crashes.size() >= policy.maxCrashes()) {
                giveUp(s, reason);
                return;
            }
            Duration pause = policy.pauseAfter(s.crashes.size());
            s.state = State.RESTARTING;
            publish();
            out.printf("entente: %s stopped unexpectedly (%s); restarting it in %s s%n", s.part.name(), reason,
                    pause.toMillis() / 1000.0);
            Thread.sleep(pause.toMillis());
            long started = System.nanoTime();
            synchronized (s) {
                if (stopping || s.held) {
                    return;
                }
                try {
                    s.part.restart();
                } catch (RuntimeException e) {
                    reason = "restart failed: " + firstLine(e.getMessage());
                    s.part.kill();
                    continue;
                }
                s.restarts++;
            }
            if (stopping) {
                return;
            }
            ready(s.part.name());
            out.printf("entente: %s is back (pid %d, ready after %.1f s, restart %d)%n", s.part.name(), s.pid,
                    (System.nanoTime() - started) / 1e9, s.restarts);
            return;
        }
    }

    private void giveUp(Supervised s, String reason) {
        s.state = State.FAILED;
        publish();
        String n = System.lineSeparator();
        StringBuilder message = new StringBuilder();
        message.append(n).append("entente: ").append(s.part.name()).append(" stopped ").append(s.crashes.size())
                .append(" times within ").append(policy.window().toMinutes()).append(" min (last: ").append(reason)
                .append("); it is not restarted any more.").append(n);
        message.append("----- last lines of ").append(s.part.logFile()).append(" -----").append(n);
        message.append(LogTail.of(s.part.logFile(), 25)).append(n).append("-----").append(n);
        message.append("What to do: read ./entente logs ").append(s.part.name())
                .append(" for the cause and fix it, then stop the stack (Ctrl-C) and start it again (./entente up).");
        if (!s.part.advice().isEmpty()) {
            message.append(n).append(s.part.advice());
        }
        message.append(n).append("The other parts keep running; ./entente status shows them.");
        out.println(message);
    }

    private void publish() {
        state.write(this);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
