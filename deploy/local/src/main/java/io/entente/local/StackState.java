package io.entente.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's view of the stack, in {@code .entente/state.json}: written by the running launcher whenever a part
 * changes state, read by {@code ./entente status} from another terminal (and by tests). Uptimes are computed by the
 * reader from {@code since}, so the file does not need rewriting while nothing happens.
 */
public record StackState(long launcherPid, long startedAtMillis, String phase, List<Part> parts) {

    public static final String FILE = "state.json";

    /**
     * One part: {@code state} is starting, running, restarting, failed, held or stopped; pid 0 = none; times in
     * epoch milliseconds, 0 = never.
     */
    public record Part(String name, String state, long pid, int port, long sinceMillis, int restarts, String lastExit,
            long lastExitMillis, String log) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The state a launcher wrote under {@code home}, if any; a file being replaced right now reads as empty. */
    public static Optional<StackState> read(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the file; failures are ignored, because status is a convenience and must never stop the stack. */
    static final class Writer {

        private final Path file;
        private final long startedAt = System.currentTimeMillis();
        private volatile String phase = "starting";
        private volatile Supervisor last;

        Writer(Path home) {
            this.file = home.resolve(FILE);
        }

        void up() {
            phase = "up";
            write(last);
        }

        void stopping() {
            phase = "stopping";
            write(last);
        }

        void stopped() {
            phase = "stopped";
            write(last);
        }

        synchronized void write(Supervisor supervisor) {
            last = supervisor;
            List<Part> parts = supervisor == null ? List.of() : supervisor.parts().stream()
                    .map(s -> new Part(s.part.name(), s.state.label(), s.pid, s.part.port(), s.since.toEpochMilli(),
                            s.restarts, s.lastExit, s.lastExitAt == null ? 0 : s.lastExitAt.toEpochMilli(), s.part.logFile().toString()))
                    .toList();
            StackState state = new StackState(ProcessHandle.current().pid(), startedAt, phase, parts);
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(FILE + ".tmp");
                JSON.writeValue(tmp.toFile(), state);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                // See the class comment.
            }
        }
    }
}
