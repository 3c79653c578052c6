package io.entente.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Keycloak from the keycloak-quarkus-dist zip that the build unpacks into deploy/local/target/keycloak, with the
 * entente realm imported on first start. The distribution is built once for our options ({@code kc.sh build}) and
 * then started with {@code start --optimized}: {@code start-dev} re-augments on every start (about 30 s of CPU that
 * two cores shared with five other JVMs could not spare).
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "entente";
    /** The issuer every service validates; --hostname pins it whether a request comes via localhost or 127.0.0.1. */
    static final String PUBLIC_URL = "http://localhost:" + Ports.KEYCLOAK;
    static final String ISSUER = PUBLIC_URL + "/realms/" + REALM;
    static final String LOCAL_URL = "http://127.0.0.1:" + Ports.KEYCLOAK;

    // The first start builds (augments) the distribution: about 35 s on two idle cores, but 230 s was measured while
    // other builds loaded the machine. A dead Keycloak is detected at once anyway (see awaitHttp200).
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(480);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    /**
     * Build-time options: what start-dev would use (file database, no cluster). A change here rebuilds the
     * distribution on the next start (see {@link #BUILT_FOR}).
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--cache=local");
    /** Written into the distribution after a successful build: the options it was built with. */
    static final String BUILT_FOR = "entente-built-for";
    /**
     * Replaces kc.sh's JVM options (its defaults are G1 with -Xms64m -Xmx512m, sized for a server): a realm of a dozen
     * users needs a small heap, and the serial collector keeps less memory. Only C1 compiles: Keycloak here serves a
     * few logins, and C2's compile threads would take the cores the services need while the stack starts.
     */
    static final String JVM_OPTIONS = String.join(" ", "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-Djava.security.egd=file:/dev/urandom");

    private final ManagedProcess process;

    private KeycloakServer(ManagedProcess process) {
        this.process = process;
    }

    /**
     * @param classDataArchives where the class-data sharing archive of Keycloak's start is kept (null: none, for test
     *                          stacks); made at the first stop after a (re)build of the distribution, as for the services
     */
    static KeycloakServer start(Path root, Path dataDir, Path logs, Path classDataArchives) {
        Path home = home(root);
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new StartupException("Keycloak is not unpacked at " + home
                    + " - build it with: ./entente up --build (or ./mvnw -q -pl deploy/local -am package)");
        }
        installRealm(root, home);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StartupException("could not create " + dataDir + ": " + e.getMessage(), e);
        }
        Path marker = home.resolve("lib/quarkus/" + BUILT_FOR);
        String runOptions = String.join(" ", "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + Ports.KEYCLOAK, "--hostname=" + PUBLIC_URL, "--import-realm");
        String builtFor = String.join(" ", BUILD_OPTIONS);
        boolean built = builtFor.equals(readQuietly(marker));
        // Only the server's start gets the archive: the build is another program, run once.
        String start = "JAVA_OPTS_APPEND=\"$JAVA_OPTS_APPEND $ENTENTE_CLASS_DATA\" exec bash bin/kc.sh start --optimized "
                + runOptions;
        // The marker is written only once the build succeeded, so an interrupted build is redone next time.
        String script = built ? start
                : "bash bin/kc.sh build " + builtFor + " && printf %s '" + builtFor + "' > '" + marker + "' && " + start;
        // An archive is only as good as the build it was made from: one older than the marker is made again.
        String classData = classDataArchives == null || !built ? ""
                : ServiceProcess.classDataSharing(marker, classDataArchives.resolve("keycloak.jsa"));
        List<String> command = List.of("bash", "-c", script);
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_OPTS", JVM_OPTIONS,
                "ENTENTE_CLASS_DATA", classData,
                // kc.sh runs the java under JAVA_HOME: make it the JVM the entente script checked for the launcher.
                "JAVA_HOME", System.getProperty("java.home"),
                // The dev-file database URL is built from kc.db-url-path (default: the distribution folder).
                // Pointing it under .entente keeps users and sessions across rebuilds and 'mvn clean'.
                "JAVA_OPTS_APPEND", "-Dkc.db-url-path=" + dataDir.toAbsolutePath());
        ManagedProcess process = ManagedProcess.start("keycloak", command, env, home, logs.resolve("keycloak.log"),
                STOP_TIMEOUT);
        return new KeycloakServer(process);
    }

    /** Readiness is the realm's discovery document: it exists only once the import has finished. */
    void awaitReady() {
        process.awaitHttp200(URI.create(LOCAL_URL + "/realms/" + REALM + "/.well-known/openid-configuration"),
                READY_TIMEOUT);
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    static Path home(Path root) {
        return root.resolve("deploy/local/target/keycloak/keycloak-" + version());
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/entente-local.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("entente-local.properties missing from the launcher jar", e);
        }
        return properties.getProperty("keycloak.version");
    }

    /**
     * --import-realm only reads data/import and skips a realm that already exists, so copying on every start is
     * harmless; realm file changes take effect after './entente reset'.
     */
    private static void installRealm(Path root, Path home) {
        Path realm = root.resolve("deploy/keycloak/entente-realm.json");
        Path importDir = home.resolve("data/import");
        try {
            Files.createDirectories(importDir);
            Files.copy(realm, importDir.resolve("entente-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupException("could not copy " + realm + " into " + importDir + ": " + e.getMessage(), e);
        }
    }
}
