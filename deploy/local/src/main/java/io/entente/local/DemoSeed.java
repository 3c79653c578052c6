package io.entente.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.local.seed.DecisionDemo;
import io.entente.local.seed.SeedClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills an empty portfolio with the demo alliances of docs (DOMAIN.md) through the services' public REST APIs,
 * as the realm's admin user, so the demo data goes through the same validation and events as real input.
 * Seeding problems are reported but never stop the stack: an empty board is still a working board.
 */
final class DemoSeed {

    /** The demo logins printed by `./entente up`; RealmFileTest keeps them in line with the realm file. */
    record DemoLogin(String username, String role, List<String> alliances) {
    }

    static final String PASSWORD = "entente";

    static final List<String> ALL_ALLIANCES = List.of("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER",
            "LIC-CORVID");

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin", "admin", ALL_ALLIANCES),
            new DemoLogin("alex", "alliance-manager", List.of("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA")),
            new DemoLogin("tara", "team-member", List.of("ONC-HELIX", "CDX-QUANTIA", "DTX-ASTER")),
            new DemoLogin("gwen", "governance-ops", ALL_ALLIANCES),
            new DemoLogin("sven", "stakeholder", List.of("ONC-HELIX", "CMB-NORVANE")),
            new DemoLogin("nora", "team-member", List.of("LIC-CORVID")));

    /** The body of POST /api/alliances (backlog-service AllianceRequest; type and phase are its enum names). */
    record Alliance(String key, String name, String partner, String type, int tier, String phase, int valueScore,
            int complexityScore, String allianceManager, String startDate) {
    }

    static final List<Alliance> ALLIANCES = List.of(
            new Alliance("ONC-HELIX", "Helix oncology co-development", "Helix Biotherapeutics", "CO_DEVELOPMENT", 1,
                    "EXECUTION", 5, 4, "alex", "2024-03-01"),
            new Alliance("CMB-NORVANE", "Norvane combination trial", "Norvane Pharma",
                    "CLINICAL_COMBINATION_TRIAL", 2, "LAUNCH", 4, 4, "alex", "2025-10-01"),
            new Alliance("CDX-QUANTIA", "Quantia companion diagnostic", "Quantia Diagnostics", "CO_DEVELOPMENT", 2,
                    "EXECUTION", 4, 3, "alex", "2024-09-16"),
            new Alliance("DTX-ASTER", "Aster digital therapeutic", "Aster Digital Health", "DIGITAL_HEALTH", 3,
                    "EVALUATION", 2, 2, "admin", "2026-09-01"),
            new Alliance("LIC-CORVID", "Corvid biologics licence", "Corvid Biologics", "LICENSING", 3,
                    "WIND_DOWN", 2, 3, "admin", "2021-06-01"));

    static final String BACKLOG_URL = "http://127.0.0.1:8081";
    static final String SPRINT_URL = "http://127.0.0.1:8082";
    static final String DECISION_URL = "http://127.0.0.1:8083";
    static final String GOVERNANCE_URL = "http://127.0.0.1:8084";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    /** Endpoints already reported as missing, so each one is reported once rather than once per record. */
    private final Set<String> reportedMissing = new HashSet<>();
    private String token;

    DemoSeed(PrintStream out) {
        this.out = out;
    }

    void runIfPortfolioEmpty() {
        try {
            token = adminToken();
            if (!portfolioEmpty()) {
                out.println("  demo data: the portfolio already has alliances, not seeding");
                return;
            }
            out.println("  demo data: seeding the demo portfolio (first start)");
            if (!seedBacklog()) {
                out.println("  demo data: no alliances, so nothing else to seed");
                return;
            }
            // One client for the later steps, so that they can share the ids they create (SeedClient.ids).
            SeedClient client = new SeedClient(token, LocalDate.now());
            step("sprint-service", () -> seedSprints(client));
            step("decision-service", () -> seedDecisions(client));
            step("governance-service", () -> seedGovernance(client));
        } catch (SeedException e) {
            out.println("  demo data: skipped - " + e.getMessage());
        } catch (RuntimeException e) {
            out.println("  demo data: skipped - unexpected " + e);
        }
    }

    /** Alliances first: every other record refers to an alliance key. True when the portfolio has them. */
    boolean seedBacklog() {
        int created = 0;
        for (Alliance alliance : ALLIANCES) {
            if (post(BACKLOG_URL, "/api/alliances", alliance)) {
                created++;
            }
        }
        out.println("  demo data: backlog-service: " + created + "/" + ALLIANCES.size() + " alliances created");
        // To come: backlog items per alliance, risks (likelihood x impact, owner, review date) and obligations.
        return created > 0;
    }

    void seedSprints(SeedClient client) {
        // To come (seed.SprintDemo): specialist teams with their capacity and a few sprints of history.
    }

    void seedDecisions(SeedClient client) {
        DecisionDemo.seed(client);
    }

    void seedGovernance(SeedClient client) {
        // To come (seed.GovernanceDemo): JSC and JDC for ONC-HELIX, a JSC meeting next week, action items.
    }

    /** One service's demo data; a failure is reported and the other services are still seeded. */
    private void step(String service, Runnable seed) {
        try {
            seed.run();
        } catch (RuntimeException e) {
            out.println("  demo data: " + service + ": stopped - " + e.getMessage());
        }
    }

    /** Password grant with the public CLI client: the same way tests and benchmarks get tokens. */
    private String adminToken() {
        String form = Map.of("grant_type", "password", "client_id", "entente-cli", "username", "admin",
                        "password", PASSWORD)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakServer.LOCAL_URL + "/realms/"
                        + KeycloakServer.REALM + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new SeedException("no token for admin from Keycloak (HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()) + ")");
        }
        return readTree(response.body()).path("access_token").asText();
    }

    private boolean portfolioEmpty() {
        HttpResponse<String> response = send(authorized(BACKLOG_URL + "/api/alliances").GET().build());
        if (response.statusCode() == 404) {
            out.println("  demo data: GET /api/alliances is not there yet (404), trying to seed anyway");
            return true;
        }
        if (response.statusCode() != 200) {
            throw new SeedException("could not list alliances (HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()) + ")");
        }
        JsonNode body = readTree(response.body());
        // The services answer lists as a page: {"items": [...], "next": ...}.
        JsonNode items = body.isArray() ? body : body.path("items");
        return items.size() == 0;
    }

    /** True when created; a missing endpoint or an existing record is reported and tolerated. */
    private boolean post(String baseUrl, String path, Object body) {
        HttpRequest request;
        try {
            request = authorized(baseUrl + path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (IOException e) {
            throw new SeedException("could not serialise " + body + ": " + e.getMessage());
        }
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return true;
        }
        if (status == 404 || status == 405) {
            if (reportedMissing.add(baseUrl + path)) {
                out.println("  demo data: POST " + baseUrl + path + " is not there yet (" + status + "), skipped");
            }
        } else if (status == 409) {
            out.println("  demo data: POST " + baseUrl + path + ": already exists (409), kept");
        } else {
            out.println("  demo data: POST " + baseUrl + path + " failed: HTTP " + status + " "
                    + abbreviate(response.body()));
        }
        return false;
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SeedException(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("interrupted");
        }
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new SeedException("unexpected answer (not JSON): " + abbreviate(body));
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    private static final class SeedException extends RuntimeException {
        SeedException(String message) {
            super(message);
        }
    }
}
