package io.entente.e2e;

import io.entente.local.EntenteUp;
import io.entente.local.StackFaults;
import io.entente.platform.embedded.RepoRoot;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The packaged stack, started once for all end-to-end test classes exactly as {@code ./entente up} starts it (same
 * launcher code, fresh data under target/stack, demo data seeded), and stopped after the last class.
 */
public final class Stack implements BeforeAllCallback {

    public static final String FRONTEND = "http://localhost:8080";
    public static final String BACKLOG = "http://127.0.0.1:8081";
    public static final String SPRINT = "http://127.0.0.1:8082";
    public static final String DECISION = "http://127.0.0.1:8083";
    public static final String GOVERNANCE = "http://127.0.0.1:8084";

    /** Set once the stack this JVM started is up; stays null against an external stack. */
    private static volatile EntenteUp started;

    /**
     * Kill -9 and restart of the stack's parts (fault runs). Empty with -Dentente.e2e.external=true: a stack this
     * JVM did not start is not ours to break.
     */
    public static Optional<StackFaults> faults() {
        EntenteUp up = started;
        return up == null ? Optional.empty() : Optional.of(up.faults());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final EntenteUp up;

        private Running(EntenteUp up) {
            this.up = up;
        }

        static Running start() {
            // -Dentente.e2e.external=true: run against a stack that is already up (./entente up), e.g. while
            // iterating on a test; nothing is started or stopped then.
            if (Boolean.getBoolean("entente.e2e.external")) {
                System.out.println("e2e: using the running stack");
                return new Running(null);
            }
            Path root = RepoRoot.find();
            Path home = Path.of(System.getProperty("entente.e2e.home", root.resolve("e2e/target/stack").toString()));
            deleteRecursively(home);
            EntenteUp up = EntenteUp.forTests(root, home);
            long started = System.nanoTime();
            try {
                up.start();
            } catch (RuntimeException e) {
                up.stopAll();
                throw e;
            }
            System.out.printf("e2e: stack up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            // The demo is what a new user meets first: seed data the services refuse is a failure, not a warning.
            if (!up.demoFailures().isEmpty()) {
                up.stopAll();
                throw new IllegalStateException("the demo data was not seeded: " + up.demoFailures());
            }
            Stack.started = up;
            return new Running(up);
        }

        @Override
        public void close() {
            Stack.started = null;
            if (up != null) {
                up.stopAll();
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
