package io.entente.platform.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the root of the Entente work tree (the directory that holds {@code services/platform/kafka-broker}). */
public final class RepoRoot {

    /** System property that names the root explicitly; the root pom passes it to surefire and failsafe. */
    public static final String PROPERTY = "entente.root";

    static final String MARKER = "services/platform/kafka-broker";

    private RepoRoot() {
    }

    /**
     * The {@value #PROPERTY} system property if it is set (and names a directory), otherwise the nearest directory,
     * from {@code user.dir} upwards, that contains {@value #MARKER}.
     *
     * @throws IllegalStateException if neither finds a root
     */
    public static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Paths.get(configured.trim()).toAbsolutePath().normalize();
            if (Files.isDirectory(root)) {
                return root;
            }
        }
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Entente repository root: -D" + PROPERTY + " is "
                + (configured == null ? "not set" : "'" + configured + "' (not a directory)")
                + " and no parent of " + start + " contains " + MARKER);
    }
}
