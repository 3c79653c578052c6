package io.entente.frontend.proxy;

import com.sun.net.httpserver.HttpServer;
import io.entente.platform.testing.OidcTestResource;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The BFF's routes to the services' OpenAPI documents, against stub services: only admins read a document, and the
 * generic {@code /api/<service>/...} route reaches no service's {@code /q} endpoints, whoever asks and however the
 * path is spelt.
 */
@QuarkusTest
@TestProfile(ApiDocsRouteTest.BearerTokens.class)
@QuarkusTestResource(ApiDocsRouteTest.StubServices.class)
class ApiDocsRouteTest {

    static final String OPENAPI = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub decision-service\"}}";
    static final String SECRET = "only_the_q_endpoints_say_this";

    /** The browser's session cookie is swapped for bearer tokens, so tests need no Keycloak; the routes are the same. */
    public static class BearerTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of("quarkus.oidc.application-type", "service",
                    "quarkus.oidc.token.refresh-expired", "false", "quarkus.oidc.token.refresh-token-time-skew", "",
                    "quarkus.oidc.logout.path", "", "quarkus.oidc.logout.post-logout-path", "",
                    "quarkus.oidc.credentials.secret", "", "quarkus.oidc.auth-server-url", ""));
            config.putAll(new OidcTestResource().start());
            return config;
        }
    }

    /** One stub HTTP server standing in for every service: {@code /q/*} answers with a marker, the rest echoes. */
    public static class StubServices implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                // As the services' Vert.x does: %2E is decoded and dot segments removed before routing.
                String path = URI.create(exchange.getRequestURI().getRawPath().replaceAll("(?i)%2e", "."))
                        .normalize().getPath();
                String query = exchange.getRequestURI().getQuery();
                String body = path.equals("/q/openapi") && "format=json".equals(query) ? OPENAPI
                        : path.startsWith("/q/") ? SECRET : "{\"path\":\"" + exchange.getRequestURI().getRawPath() + "\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> config = new HashMap<>();
            for (String service : List.of("backlog", "sprint", "decision", "governance", "notification")) {
                config.put("entente.upstream." + service, url);
            }
            return config;
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private static String token(String user, String role) {
        return TestTokens.user(user).roles(role).alliances("ONC-HELIX").sign();
    }

    @Test
    void anAdminReadsEachServicesDocumentAsJson() {
        given().auth().oauth2(token("admin", "admin"))
                .when().get("/bff/api-docs/decision")
                .then().statusCode(200)
                .contentType(containsString("json"))
                .header("Cache-Control", "no-store")
                .body("info.title", equalTo("stub decision-service"));
    }

    @Test
    void everyoneElseIsToldItIsForAdminsOnly() {
        for (String role : List.of("alliance-manager", "team-member", "governance-ops", "stakeholder", "partner")) {
            given().auth().oauth2(token("someone", role))
                    .when().get("/bff/api-docs/decision")
                    .then().statusCode(403)
                    .contentType(UpstreamProxy.PROBLEM_JSON)
                    .body("title", equalTo("Admins only"));
        }
        given().when().get("/bff/api-docs/decision").then().statusCode(401);
    }

    @Test
    void anUnknownServiceIsNotFound() {
        given().auth().oauth2(token("admin", "admin"))
                .when().get("/bff/api-docs/payroll")
                .then().statusCode(404)
                .contentType(UpstreamProxy.PROBLEM_JSON);
    }

    @Test
    void theGenericRouteNeverReachesTheServicesQEndpoints() {
        List<String> paths = List.of("/api/decision/q/metrics", "/api/decision/q/openapi",
                "/api/decision/%2e%2e/q/metrics", "/api/decision/%2E%2E/q/openapi", "/api/decision/x/%2e%2e/%2e%2e/q/health",
                "/api/decision/.%2e/q/metrics", "/api/decision/..%2Fq/metrics", "/api/decision/%2e%2e%2fq/metrics",
                "/api/decision/..%5Cq/metrics", "/api/decision/..;/q/metrics", "/api/decision/decisions/..;x/../q/metrics");
        for (String role : List.of("team-member", "partner", "admin")) {
            for (String path : paths) {
                Response answer = given().auth().oauth2(token("someone", role)).urlEncodingEnabled(false)
                        .when().get(path);
                assertFalse(answer.asString().contains(SECRET), role + " reached a /q endpoint with " + path);
                assertFalse(answer.asString().contains("stub decision-service"), role + " read openapi with " + path);
                assertNotEquals(500, answer.statusCode(), path);
            }
        }
        // An ordinary call still goes through, to the service's /api.
        given().auth().oauth2(token("tara", "team-member"))
                .when().get("/api/decision/decisions")
                .then().statusCode(200).body("path", equalTo("/api/decisions"));
    }
}
