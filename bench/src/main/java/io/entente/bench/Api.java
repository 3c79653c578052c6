package io.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The services' REST APIs as the admin user (password grant with the public entente-cli client). */
final class Api {

    static final String BACKLOG = "http://127.0.0.1:8081";
    static final String SPRINT = "http://127.0.0.1:8082";
    static final String DECISION = "http://127.0.0.1:8083";
    static final String GOVERNANCE = "http://127.0.0.1:8084";
    static final String TOKEN_URL = "http://localhost:8180/realms/entente/protocol/openid-connect/token";

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, body (JSON when it is JSON) and ETag. */
    record Answer(int status, JsonNode body, String etag, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String user;
    /** Wait and retry when the per-user write limit answers 429 (loading); off when measuring. */
    private final boolean waitOnLimit;
    private volatile String token;
    private volatile long tokenAt;
    final java.util.concurrent.atomic.AtomicLong limited = new java.util.concurrent.atomic.AtomicLong();

    Api() {
        this("admin", true);
    }

    Api(String user, boolean waitOnLimit) {
        this.user = user;
        this.waitOnLimit = waitOnLimit;
    }

    /** The demo users who may write (password entente), each with the alliance keys of their token. */
    static final java.util.List<String> WRITERS = java.util.List.of("admin", "gwen", "alex", "tara", "nora");

    /** The alliance keys in a token's groups claim (alliance:KEY). */
    static java.util.List<String> alliancesOf(String token) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8);
            java.util.List<String> out = new java.util.ArrayList<>();
            for (JsonNode g : JSON.readTree(payload).path("groups")) {
                if (g.asText().startsWith("alliance:")) {
                    out.add(g.asText().substring("alliance:".length()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String freshToken(String user) {
        String form = "grant_type=password&client_id=entente-cli&username=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8) + "&password=entente";
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no token from Keycloak: HTTP " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + TOKEN_URL + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token() {
        // Access tokens live 900 s in the realm: renew well before.
        if (token == null || System.currentTimeMillis() - tokenAt > 300_000) {
            synchronized (this) {
                if (token == null || System.currentTimeMillis() - tokenAt > 300_000) {
                    token = freshToken(user);
                    tokenAt = System.currentTimeMillis();
                }
            }
        }
        return token;
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    Answer get(String url) {
        return send(builder(url).GET().build());
    }

    Answer post(String url, JsonNode body) {
        return send(builder(url).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    Answer put(String url, JsonNode body, String ifMatch) {
        HttpRequest.Builder b = builder(url).header("Content-Type", "application/json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Like post, but fails loudly unless the answer is 2xx. */
    Answer create(String url, JsonNode body) {
        Answer a = post(url, body);
        if (!a.ok()) {
            throw new IllegalStateException("POST " + url + " -> " + a.status() + " " + abbreviate(a.raw()));
        }
        return a;
    }

    private HttpRequest.Builder builder(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = null;
                String type = r.headers().firstValue("Content-Type").orElse("");
                if (type.contains("json") && !r.body().isEmpty()) {
                    body = JSON.readTree(r.body());
                }
                if (r.statusCode() == 429) {
                    limited.incrementAndGet();
                    if (waitOnLimit && attempt < 600) {
                        long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
                        Thread.sleep(Math.max(200, Math.min(wait, 5) * 1000));
                        continue;
                    }
                }
                return new Answer(r.statusCode(), body, r.headers().firstValue("ETag").orElse(null), r.body());
            } catch (IOException e) {
                if (attempt >= 2) {
                    throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
