package io.entente.e2e.faults;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Faults at fixed points of a load run: step i begins when the driver reaches command {@code at_i * commands}, on
 * its own thread, while the load goes on. Steps run one after the other: a driver reaching the next step's point
 * waits there until the previous step is complete (e.g. the broker is back), so every fault happens while commands
 * are being sent, whatever the machine's speed.
 */
public final class FaultPlan implements LoadDriver.Gate, AutoCloseable {

    private record Step(double at, String name, Runnable action) {
    }

    private final int commands;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fault-plan"));
    private final long started = System.nanoTime();
    private int next;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    public FaultPlan(int commands) {
        this.commands = commands;
    }

    /** Adds a step that begins once {@code atFraction} (0..1) of the commands have been issued. */
    public FaultPlan at(double atFraction, String name, Runnable action) {
        steps.add(new Step(atFraction, name, action));
        return this;
    }

    @Override
    public synchronized void beforeCommand(int index) {
        while (next < steps.size() && index >= steps.get(next).at() * commands) {
            begin(index);
        }
    }

    /** Runs the steps the load did not reach and waits for the last one; rethrows a step's failure. */
    public synchronized void finish() {
        while (next < steps.size()) {
            begin(commands);
        }
        running.join();
    }

    private void begin(int index) {
        running.join(); // the previous step is complete
        Step step = steps.get(next++);
        running = CompletableFuture.runAsync(() -> {
            note(index, "begin " + step.name());
            step.action().run();
            note(-1, "done  " + step.name());
        }, thread);
    }

    private void note(int index, String what) {
        timeline.add(String.format("  t+%6.1f s %s%s", (System.nanoTime() - started) / 1e9, what,
                index >= 0 ? " (at command " + index + ")" : ""));
    }

    public void printTimeline(PrintStream out) {
        out.println("faults:");
        synchronized (timeline) {
            timeline.forEach(out::println);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
