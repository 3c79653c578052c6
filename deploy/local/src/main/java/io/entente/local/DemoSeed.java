package io.entente.local;

import io.entente.local.seed.BacklogDemo;
import io.entente.local.seed.DecisionDemo;
import io.entente.local.seed.GovernanceDemo;
import io.entente.local.seed.HistoryDemo;
import io.entente.local.seed.SeedClient;
import io.entente.local.seed.SprintDemo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fills an empty portfolio with the demo alliances of docs (DOMAIN.md) through the services' public REST APIs,
 * as the realm's admin user, so the demo data goes through the same validation and events as real input.
 * Seeding problems are reported but never stop the stack: an empty board is still a working board.
 */
final class DemoSeed {

    /**
     * The demo logins printed by `./entente up`; RealmFileTest keeps them in line with the realm file.
     *
     * @param company the partner company a partner login works for; null for our own people
     */
    record DemoLogin(String username, String role, List<String> alliances, String company) {
        DemoLogin(String username, String role, List<String> alliances) {
            this(username, role, alliances, null);
        }
    }

    static final String PASSWORD = "entente";

    /** The five alliances with committees, decisions and a partner login each. */
    static final List<String> PARTNERED_ALLIANCES = List.of("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER",
            "LIC-CORVID");

    /** The rest of the portfolio, registered only, so the workload page has a realistic load to show. */
    static final List<String> PORTFOLIO_ALLIANCES = List.of("ONC-VERIDIA", "RES-LUMEN", "ONC-TALARIS", "IMM-BRACKEN",
            "COM-SOLSTICE", "CDX-ORBIS", "DTX-MERIDIAN", "LIC-KESTREL");

    static final List<String> ALL_ALLIANCES = java.util.stream.Stream.concat(PARTNERED_ALLIANCES.stream(),
            PORTFOLIO_ALLIANCES.stream()).toList();

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin", "admin", ALL_ALLIANCES),
            new DemoLogin("alex", "alliance-manager", List.of("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "ONC-VERIDIA",
                    "RES-LUMEN", "ONC-TALARIS", "IMM-BRACKEN", "COM-SOLSTICE")),
            new DemoLogin("tara", "team-member", List.of("ONC-HELIX", "CDX-QUANTIA", "DTX-ASTER", "CDX-ORBIS",
                    "DTX-MERIDIAN")),
            new DemoLogin("gwen", "governance-ops", ALL_ALLIANCES),
            new DemoLogin("sven", "stakeholder", List.of("ONC-HELIX", "CMB-NORVANE")),
            new DemoLogin("nora", "team-member", List.of("LIC-CORVID", "LIC-KESTREL")),
            // One person of each demo partner company, a member of that company's alliance only.
            new DemoLogin("priya", "partner", List.of("ONC-HELIX"), "Helix Biotherapeutics"),
            new DemoLogin("robin", "partner", List.of("CMB-NORVANE"), "Norvane Pharma"),
            new DemoLogin("lena", "partner", List.of("CDX-QUANTIA"), "Quantia Diagnostics"),
            new DemoLogin("kai", "partner", List.of("DTX-ASTER"), "Aster Digital Health"),
            new DemoLogin("ruth", "partner", List.of("LIC-CORVID"), "Corvid Biologics"));

    static final String BACKLOG_URL = "http://127.0.0.1:8081";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    /** The JDBC URL of a service's database, for backdating the demo history as the database's owner. */
    private final Function<String, String> jdbcUrl;
    private String token;
    private final List<String> failures = new ArrayList<>();

    DemoSeed(PrintStream out, Function<String, String> jdbcUrl) {
        this.out = out;
        this.jdbcUrl = jdbcUrl;
    }

    /** @return what went wrong (empty when the demo was seeded or already there); the stack runs either way */
    List<String> runIfPortfolioEmpty() {
        try {
            token = adminToken();
            if (!portfolioEmpty()) {
                out.println("  demo data: the portfolio already has alliances, not seeding");
                return List.of();
            }
            out.println("  demo data: seeding the demo portfolio (first start)");
            // One client for every step, so that later steps find the ids earlier ones created (SeedClient.ids).
            SeedClient client = new SeedClient(token, LocalDate.now());
            // Order matters: alliances and items first, then what refers to them.
            step("backlog-service", () -> BacklogDemo.seed(client));
            step("sprint-service", () -> SprintDemo.seed(client));
            step("decision-service", () -> DecisionDemo.seed(client));
            step("governance-service", () -> GovernanceDemo.seed(client));
            // Last, so that nothing above sees it: past quarters for the governance health charts.
            step("history", () -> HistoryDemo.seed(client));
            step("history dates", () -> backdate(client.backdating));
            client.ids.forEach((key, message) -> {
                if (key.startsWith("failure:")) {
                    out.println("  demo data: " + key.substring(8) + ": stopped - " + message);
                    failures.add(key.substring(8) + ": " + message);
                }
            });
        } catch (SeedException e) {
            out.println("  demo data: skipped - " + e.getMessage());
            failures.add(e.getMessage());
        } catch (RuntimeException e) {
            out.println("  demo data: skipped - unexpected " + e);
            failures.add(e.toString());
        }
        return List.copyOf(failures);
    }

    /** One service's demo data; a failure is reported and the other services are still seeded. */
    private void step(String service, Runnable seed) {
        try {
            seed.run();
        } catch (RuntimeException e) {
            out.println("  demo data: " + service + ": stopped - " + e.getMessage());
            failures.add(service + ": " + e.getMessage());
        }
    }

    /**
     * Moves the history's timestamps into its quarters (see HistoryDemo for why), one transaction per database, as
     * the database's owner: the application roles may not rewrite what their service stamped, and should not.
     */
    private void backdate(List<HistoryDemo.Backdate> statements) {
        Map<String, List<HistoryDemo.Backdate>> byDatabase = statements.stream()
                .collect(Collectors.groupingBy(HistoryDemo.Backdate::database));
        int rows = 0;
        for (Map.Entry<String, List<HistoryDemo.Backdate>> database : byDatabase.entrySet()) {
            String owner = database.getKey() + "_owner";
            try (Connection c = DriverManager.getConnection(jdbcUrl.apply(database.getKey()), owner, owner)) {
                c.setAutoCommit(false);
                for (HistoryDemo.Backdate statement : database.getValue()) {
                    try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                        int i = 0;
                        for (Object parameter : statement.parameters()) {
                            ps.setObject(++i, parameter instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : parameter);
                        }
                        rows += ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                throw new SeedException("backdating the history in " + database.getKey() + " failed: " + e.getMessage());
            }
        }
        out.println("  demo data: history dated into the last quarters (" + rows + " rows)");
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
