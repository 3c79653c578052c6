package io.entente.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.embedded.RepoRoot;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./entente status}: what the running launcher says about each part (its state file) plus a live probe of
 * each: services' and the frontend's {@code /q/health}, Keycloak's realm, and a TCP connect for Kafka and
 * PostgreSQL. Exits 0 when everything is running and healthy, 1 when something is not, 3 when no stack runs.
 */
public final class EntenteStatus {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EntenteStatus() {
    }

    public static void main(String[] args) {
        Path home = RepoRoot.find().resolve(".entente");
        System.exit(print(home, System.out));
    }

    static int print(Path home, PrintStream out) {
        Optional<StackState> read = StackState.read(home);
        if (read.isEmpty()) {
            out.println("entente: the stack is not running (no " + home.resolve(StackState.FILE) + ")");
            return 3;
        }
        StackState state = read.get();
        boolean launcherAlive = ProcessHandle.of(state.launcherPid()).filter(ProcessHandle::isAlive).isPresent();
        if (!launcherAlive || state.phase().equals("stopped")) {
            out.println("entente: the stack is not running (last launcher pid " + state.launcherPid() + ", "
                    + state.phase() + ")");
            return 3;
        }
        long now = System.currentTimeMillis();
        out.printf("Entente: %s since %s (%s), launcher pid %d%n", state.phase(), clock(state.startedAtMillis()),
                duration(now - state.startedAtMillis()), state.launcherPid());
        out.println();
        // Probed together: one slow answer should not add up with the others.
        Map<String, CompletableFuture<String>> health = new LinkedHashMap<>();
        for (StackState.Part part : state.parts()) {
            health.put(part.name(), CompletableFuture.supplyAsync(() -> probe(part)));
        }
        String row = "%-19s %-10s %-8s %-6s %-9s %-9s %s%n";
        out.printf(row, "part", "state", "pid", "port", "uptime", "restarts", "health");
        boolean allWell = true;
        List<String> notes = new ArrayList<>();
        for (StackState.Part part : state.parts()) {
            String probed = health.get(part.name()).join();
            boolean running = part.state().equals("running");
            allWell &= running && (probed.equals("UP") || probed.startsWith("accepts") || probed.startsWith("realm"));
            out.printf(row, part.name(), part.state(), part.pid() == 0 ? "-" : Long.toString(part.pid()),
                    part.port() == 0 ? "-" : Integer.toString(part.port()),
                    running ? duration(now - part.sinceMillis()) : "-", part.restarts(), probed);
            if (part.lastExit() != null) {
                notes.add("  " + part.name() + ": last stopped " + clock(part.lastExitMillis()) + " (" + part.lastExit()
                        + ")");
            }
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
        out.println();
        out.println("Logs: ./entente logs <part>");
        return allWell ? 0 : 1;
    }

    private static String probe(StackState.Part part) {
        return switch (part.name()) {
            case "postgresql", "kafka" -> accepts(part.port()) ? "accepts connections" : "no answer on " + part.port();
            case "keycloak" -> {
                int status = get(KeycloakServer.LOCAL_URL + "/realms/" + KeycloakServer.REALM
                        + "/.well-known/openid-configuration").map(HttpResponse::statusCode).orElse(0);
                yield status == 200 ? "realm ready" : status == 0 ? "no answer" : "HTTP " + status;
            }
            default -> quarkusHealth(part.port());
        };
    }

    /** UP, or DOWN with the names of the checks that are down ("DOWN: database, kafka"). */
    private static String quarkusHealth(int port) {
        Optional<HttpResponse<String>> answer = get("http://127.0.0.1:" + port + "/q/health");
        if (answer.isEmpty()) {
            return "no answer";
        }
        try {
            JsonNode body = JSON.readTree(answer.get().body());
            String status = body.path("status").asText("HTTP " + answer.get().statusCode());
            if (status.equals("UP")) {
                return "UP";
            }
            List<String> down = new ArrayList<>();
            body.path("checks").forEach(check -> {
                if (!check.path("status").asText().equals("UP")) {
                    down.add(check.path("name").asText());
                }
            });
            return down.isEmpty() ? status : status + ": " + String.join(", ", down);
        } catch (IOException e) {
            return "HTTP " + answer.get().statusCode();
        }
    }

    private static Optional<HttpResponse<String>> get(String url) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(4))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String clock(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    static String duration(long millis) {
        long s = Math.max(0, millis / 1000);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format("%02d", s % 60) + "s";
        }
        return s / 3600 + "h" + String.format("%02d", s % 3600 / 60) + "m";
    }
}
