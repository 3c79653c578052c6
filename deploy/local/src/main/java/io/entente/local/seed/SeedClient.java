package io.entente.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a demo-data step uses to call the services' public APIs as one user. Each service's demo data lives in its
 * own class in this package ({@code BacklogDemo}, {@code SprintDemo}, {@code DecisionDemo}, {@code GovernanceDemo}),
 * with {@code public static void seed(SeedClient client)}; steps share ids through {@link #ids}.
 */
public final class SeedClient {

    public static final String BACKLOG = "http://127.0.0.1:8081";
    public static final String SPRINT = "http://127.0.0.1:8082";
    public static final String DECISION = "http://127.0.0.1:8083";
    public static final String GOVERNANCE = "http://127.0.0.1:8084";

    /** Ids created by earlier steps, e.g. {@code item:ONC-HELIX:jsc-prep} -> a backlog item id. */
    public final Map<String, String> ids = new ConcurrentHashMap<>();

    /** What the launcher must date back once the demo is seeded (see {@link HistoryDemo}). */
    public final List<HistoryDemo.Backdate> backdating = new CopyOnWriteArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final LocalDate today;

    public SeedClient(String token, LocalDate today) {
        this.token = token;
        this.today = today;
    }

    /** Demo dates are relative to the day of the first start, so "due next week" stays true in the demo. */
    public LocalDate today() {
        return today;
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    public JsonNode post(String service, String path, Object body) {
        return send("POST", service, path, body, null);
    }

    /** For actions on a versioned resource (e.g. POST /api/decisions/{id}/propose). */
    public JsonNode post(String service, String path, Object body, String ifMatch) {
        return send("POST", service, path, body, ifMatch);
    }

    public JsonNode put(String service, String path, Object body, String ifMatch) {
        return send("PUT", service, path, body, ifMatch);
    }

    public JsonNode patch(String service, String path, Object body, String ifMatch) {
        return send("PATCH", service, path, body, ifMatch);
    }

    public JsonNode get(String service, String path) {
        return send("GET", service, path, null, null);
    }

    /** Polls until a GET answers 200: read models fill from events a moment after the write. */
    public JsonNode awaitOk(String service, String path, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                return get(service, path);
            } catch (SeedFailure e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                pause();
            }
        }
    }

    private JsonNode send(String method, String service, String path, Object body, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(
                                body instanceof String s ? s : json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SeedFailure(method + " " + service + path + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            String text = response.body();
            JsonNode node = text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
            response.headers().firstValue("ETag").ifPresent(tag -> {
                if (node instanceof ObjectNode object) {
                    object.put("_etag", tag);
                }
            });
            return node;
        } catch (IOException e) {
            throw new SeedFailure(method + " " + service + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedFailure("interrupted");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedFailure("interrupted");
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** A seed call that did not succeed; the launcher reports it and the stack keeps running. */
    public static final class SeedFailure extends RuntimeException {
        public SeedFailure(String message) {
            super(message);
        }
    }
}
