package io.entente.sprint;

import io.entente.platform.testing.BadInput.Case;
import io.entente.platform.testing.BadInputSweep;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.entente.platform.testing.BadInput.common;
import static io.entente.platform.testing.BadInput.field;
import static io.entente.platform.testing.BadInput.str;
import static io.entente.platform.testing.BadInput.strs;
import static io.restassured.RestAssured.given;

/** Bad input against every write of the sprint service; see {@link BadInputSweep}. */
@QuarkusTest
class BadInputTest extends BadInputSweep {

    static final String USER = "bad-input";
    static final String TOKEN = TestTokens.user(USER).roles("admin").sign();
    static final String[] INJECTIONS = strs("ONC-HELIX' OR '1'='1", "S-BAD; DROP TABLE sprint; --",
            "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "S-BAD\u0000");

    static final String TEAM = """
            {"name":"Bad input team","description":"d","disciplines":["GOVERNANCE"],"alliances":["ONC-HELIX"],
             "members":[{"userId":"tara","displayName":"Tara Singh","role":"LEAD","pointsPerDay":1.0}],
             "wipLimits":{"IN_PROGRESS":3}}""";
    static final String SPRINT = """
            {"teamId":"{team}","name":"Sprint 1","goal":"g","startDate":"2026-11-23","endDate":"2026-12-04"}""";
    static final String COMMIT = """
            {"itemId":"00000000-0000-0000-0000-0000000000aa","overrideCapacity":false,"reason":null}""";
    static final String CAPACITY = """
            {"members":[{"userId":"tara","absenceDays":1,"pointsPerDay":1.0}]}""";

    static final String CATALOGUE = """
            {"entries":[{"service":"HEALTH_CHECK","tier":3,"phase":"EXECUTION","timesPerYear":1,"hoursEach":6,
             "performedBy":"ALLIANCE_HEALTH"}]}""";
    static final String ENTRY = """
            {"service":"HEALTH_CHECK","tier":3,"phase":"EXECUTION","timesPerYear":1,"hoursEach":6,
             "performedBy":"ALLIANCE_HEALTH"}""";
    static final String WHAT_IF = """
            {"months":3,"changes":[{"kind":"ADD","tier":1,"phase":"EXECUTION"}]}""";

    static String teamId;
    static String sprintId;

    @Inject
    EntityManager em;

    @BeforeEach
    void fixtures() {
        if (teamId == null) {
            teamId = given().auth().oauth2(TOKEN).contentType("application/json").body(TEAM).post("/api/teams")
                    .then().statusCode(201).extract().path("id");
            sprintId = given().auth().oauth2(TOKEN).contentType("application/json")
                    .body(SPRINT.replace("{team}", teamId)).post("/api/sprints")
                    .then().statusCode(201).extract().path("id");
        }
    }

    @Override
    protected String token() {
        return TOKEN;
    }

    @Override
    protected List<Case> cases() {
        List<Case> all = new ArrayList<>();
        String teams = "/api/teams";
        all.addAll(common("POST", teams, TEAM, "name"));
        all.addAll(field("POST", teams, TEAM, "name", null, "\"\"", str("n".repeat(101))));
        all.addAll(field("POST", teams, TEAM, "disciplines", null, "[]", "[\"cooking\"]", "\"GOVERNANCE\"",
                "[null]"));
        all.addAll(field("POST", teams, TEAM, "alliances", null, "[]", "[\"onc-helix\"]"));
        all.addAll(field("POST", teams, TEAM, "alliances",
                Stream.of(INJECTIONS).map(s -> "[" + s + "]").toArray(String[]::new)));
        all.addAll(field("POST", teams, TEAM, "members", null, "[]", "[{}]",
                "[{\"userId\":\"tara\",\"displayName\":\"T\",\"role\":\"LEAD\",\"pointsPerDay\":5.01}]",
                "[{\"userId\":\"tara\",\"displayName\":\"T\",\"role\":\"LEAD\",\"pointsPerDay\":-1}]",
                "[{\"userId\":\"tara\",\"displayName\":\"T\",\"role\":\"LEAD\",\"pointsPerDay\":1.001}]",
                "[{\"userId\":\"tara\",\"displayName\":\"T\",\"role\":\"KING\",\"pointsPerDay\":1}]",
                "[{\"userId\":\"tara\",\"displayName\":\"T\",\"role\":\"LEAD\",\"pointsPerDay\":\"lots\"}]",
                "[{\"userId\":\"tara\",\"displayName\":\"T\",\"role\":\"LEAD\",\"pointsPerDay\":1,\"admin\":true}]"));
        all.addAll(field("POST", teams, TEAM, "wipLimits", "{\"IN_PROGRESS\":0}", "{\"IN_PROGRESS\":201}",
                "{\"NOWHERE\":3}", "{\"IN_PROGRESS\":null}", "[3]"));

        String sprints = "/api/sprints";
        String sprint = SPRINT.replace("{team}", "00000000-0000-0000-0000-000000000001");
        all.addAll(common("POST", sprints, sprint, "name"));
        all.addAll(field("POST", sprints, sprint, "teamId", null, "\"not-a-uuid\"", "42",
                "\"00000000-0000-0000-0000-000000000001\""));
        all.addAll(field("POST", sprints, sprint, "startDate", null, "\"2026-02-30\"", "\"23.11.2026\"",
                "\"2026-11-23T09:00:00+25:00\"", "\"2026-11-23[Mars/Olympus]\"", "\"+999999999-01-01\""));
        all.addAll(field("POST", sprints, sprint, "endDate", null, "\"2026-13-04\"", "\"soon\""));
        all.addAll(field("POST", sprints, sprint, "goal", str("g".repeat(1001))));

        String commit = "/api/sprints/{sprint}/items";
        all.addAll(common("POST", commit, COMMIT, "reason"));
        all.addAll(field("POST", commit, COMMIT, "itemId", null, "\"x\"", "[]"));
        all.addAll(field("POST", commit, COMMIT, "overrideCapacity", "\"yes please\"", "{}"));
        all.addAll(field("POST", commit, COMMIT, "reason", str("r".repeat(501))));

        String capacity = "/api/sprints/{sprint}/capacity";
        all.addAll(common("PUT", capacity, CAPACITY, "members"));
        all.addAll(field("PUT", capacity, CAPACITY, "members", "[]",
                "[{\"userId\":\"tara\",\"absenceDays\":-1}]", "[{\"userId\":\"tara\",\"absenceDays\":61}]",
                "[{\"userId\":\"\",\"absenceDays\":1}]", "[{\"userId\":\"tara\",\"absenceDays\":\"one\"}]"));

        String team = "/api/teams/{team}";
        all.addAll(common("PUT", team, TEAM, "name"));
        all.addAll(field("PUT", team, TEAM, "members", "[]"));
        all.addAll(field("PUT", team, TEAM, "version", "0"));
        String catalogue = "/api/service-catalogue";
        all.addAll(common("PUT", catalogue, CATALOGUE, "entries"));
        all.addAll(field("PUT", catalogue, CATALOGUE, "entries", null, "[]", "[{}]", "[null]",
                "[" + ENTRY + "," + ENTRY + "]",
                "[" + ENTRY.replace("\"tier\":3", "\"tier\":4") + "]",
                "[" + ENTRY.replace("ALLIANCE_HEALTH", "ASTROLOGY") + "]",
                "[" + ENTRY.replace("ALLIANCE_HEALTH", "alliance health") + "]",
                "[" + ENTRY.replace("HEALTH_CHECK", "COOKING") + "]",
                "[" + ENTRY.replace("EXECUTION", "HIBERNATION") + "]",
                "[" + ENTRY.replace("\"hoursEach\":6", "\"hoursEach\":-1") + "]",
                "[" + ENTRY.replace("\"timesPerYear\":1", "\"timesPerYear\":400") + "]"));

        String whatIf = "/api/workload/what-if";
        all.addAll(field("POST", whatIf, WHAT_IF, "months", "0", "13", "\"many\""));
        all.addAll(field("POST", whatIf, WHAT_IF, "changes", null, "[]", "[{}]", "[{\"kind\":\"SHRINK\"}]",
                "[{\"kind\":\"ADD\"}]", "[{\"kind\":\"ADD\",\"tier\":9,\"phase\":\"EXECUTION\"}]",
                "[{\"kind\":\"RETIER\",\"allianceKey\":\"onc helix\",\"tier\":3}]",
                "[{\"kind\":\"RETIER\",\"allianceKey\":\"ONC-HELIX\"}]",
                "[{\"kind\":\"ADD\",\"tier\":1,\"phase\":\"EXECUTION\",\"admin\":true}]"));

        all.add(new Case("state to nowhere", "PUT", "/api/sprints/{sprint}/state", "application/json",
                "{\"state\":\"PARTY\"}"));
        all.add(new Case("state missing", "PUT", "/api/sprints/{sprint}/state", "application/json", "{}"));
        return all;
    }

    @Override
    protected List<Long> stored() {
        List<String> sql = new ArrayList<>();
        for (String table : List.of("team", "team_member", "sprint", "sprint_capacity", "sprint_item",
                "service_catalogue", "alliance_manager")) {
            sql.add("select count(*) from " + table);
        }
        sql.add("select count(*) from audit_log where actor = '" + USER + "'");
        sql.add("select coalesce(sum(version), 0) from team");
        sql.add("select coalesce(sum(version), 0) from sprint");
        sql.add("select coalesce(sum(version), 0) from service_catalogue");
        return sql.stream().map(this::count).toList();
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Override
    protected Response send(Case c) {
        String path = c.path().replace("{team}", teamId).replace("{sprint}", sprintId);
        String body = c.body().replace("{team}", teamId);
        var request = given().auth().oauth2(TOKEN).contentType(c.contentType()).body(body);
        if (c.method().equals("PUT")) {
            String readPath = path.endsWith("/capacity") || path.endsWith("/state") ? "/api/sprints/" + sprintId
                    : path;
            request = request.header("If-Match", given().auth().oauth2(TOKEN).get(readPath).header("ETag"));
        }
        return request.request(c.method(), path);
    }

    @Override
    protected List<String> badQueries() {
        List<String> all = new ArrayList<>(queries("/api/sprints", "limit=0", "limit=201", "limit=abc",
                "after=garbage", "teamId=not-a-uuid", "state=PARTY", "limit=99999999999"));
        all.addAll(queries("/api/workload", "months=0", "months=13", "months=abc"));
        all.addAll(queries("/api/alliance-managers", "limit=0", "after=garbage"));
        return all;
    }
}
