package io.entente.backlog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.entente.backlog.Fixtures.createItemId;
import static io.entente.backlog.Fixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reads the web app's item and alliance pages add: who changed what (from the audit trail), the register's CSV
 * exports, and the item PUT that never clears a field the client left out.
 */
@QuarkusTest
class HistoryAndExportTest {

    static final String ALEX = Fixtures.manager("H-HIST", "H-CSV");
    static final String TARA = Fixtures.member("H-HIST", "H-CSV");
    static final String SVEN = Fixtures.stakeholder("H-HIST", "H-CSV");
    static final String NORA = Fixtures.member("H-FOREIGN");

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("H-HIST", "H-CSV", "H-FOREIGN");
    }

    static String fullUpdate(String title, String owner) {
        return """
                {"title":"%s","description":"Agree the pre-read","discipline":"GOVERNANCE","type":"TASK",
                 "estimate":5,"beneficiary":"JSC co-chairs","stakeholderValue":8,"owner":%s,
                 "dueDate":"2026-12-20"}""".formatted(title, owner == null ? "null" : "\"" + owner + "\"");
    }

    @Test
    void aPutThatLeavesAFieldOutIsRefusedAndClearsNothing() {
        String id = createItemId(TARA, "H-HIST", "Collect JSC decision requests");
        String path = "/api/backlog-items/" + id;
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag(path, TARA))
                .body(fullUpdate("Collect JSC decision requests", "gwen")).when().put(path)
                .then().statusCode(200).body("owner", equalTo("gwen")).body("stakeholderValue", equalTo(8));

        // What the old edit form sent: seven fields, no owner, beneficiary or stakeholder value.
        String etag = etag(path, TARA);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"title":"Renamed by an old form","description":"d","discipline":"GOVERNANCE","type":"TASK",
                         "estimate":5,"dueDate":"2026-12-20"}""")
                .when().put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("beneficiary"))
                .body("errors[0].message", containsString("null to clear"));
        given().auth().oauth2(TARA).when().get(path).then()
                .body("title", equalTo("Collect JSC decision requests")).body("owner", equalTo("gwen"))
                .body("beneficiary", equalTo("JSC co-chairs")).body("stakeholderValue", equalTo(8))
                .header("ETag", equalTo(etag));

        // Each replaced field must be present; one left out is named.
        for (String field : List.of("description", "estimate", "beneficiary", "stakeholderValue", "owner",
                "dueDate")) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "Renamed", "description", "d",
                    "discipline", "GOVERNANCE", "type", "TASK", "estimate", 5, "beneficiary", "JSC co-chairs",
                    "stakeholderValue", 8, "owner", "gwen", "dueDate", "2026-12-20"));
            body.remove(field);
            given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                    .when().put(path).then().statusCode(400).body("errors.field", hasItem(field));
        }

        // Only the title changes: everything else sent as it is stays.
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(fullUpdate("Collect JSC decision requests (Q1)", "gwen")).when().put(path)
                .then().statusCode(200).body("owner", equalTo("gwen")).body("beneficiary", equalTo("JSC co-chairs"));
        // An explicit null clears.
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag(path, TARA))
                .body(fullUpdate("Collect JSC decision requests (Q1)", null)).when().put(path)
                .then().statusCode(200).body("owner", nullValue()).body("stakeholderValue", equalTo(8));
    }

    @Test
    void anItemsHistorySaysWhoChangedWhatAndWhenNewestFirst() {
        String id = createItemId(TARA, "H-HIST", "Draft the JSC agenda");
        String path = "/api/backlog-items/" + id;
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag(path, ALEX))
                .body(fullUpdate("Draft the JSC agenda", "gwen")).when().put(path).then().statusCode(200);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag(path, TARA))
                .body("{\"reason\":\"covered by the JDC\"}").when().post(path + "/drop").then().statusCode(200);

        given().auth().oauth2(SVEN).when().get(path + "/history").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("next", nullValue())
                .body("items[0].action", equalTo("BacklogItemDropped")).body("items[0].actor", equalTo("tara"))
                .body("items[0].reason", equalTo("covered by the JDC"))
                .body("items[0].changes.find { it.field == 'status' }.after", equalTo("DROPPED"))
                .body("items[1].action", equalTo("BacklogItemUpdated")).body("items[1].actor", equalTo("alex"))
                .body("items[1].changes.find { it.field == 'owner' }.before", nullValue())
                .body("items[1].changes.find { it.field == 'owner' }.after", equalTo("gwen"))
                .body("items[1].changes.field", not(hasItem("version")))
                .body("items[2].action", equalTo("BacklogItemCreated")).body("items[2].at", notNullValue())
                .body("items[2].changes.find { it.field == 'title' }.after", equalTo("Draft the JSC agenda"));

        // One field's changes only: the owner was set once (created without one).
        given().auth().oauth2(TARA).queryParam("field", "owner").when().get(path + "/history").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].action", equalTo("BacklogItemUpdated"))
                .body("next", nullValue());
        // Page by page, newest first.
        String next = given().auth().oauth2(TARA).queryParam("limit", 2).when().get(path + "/history").then()
                .statusCode(200).body("items.action", contains("BacklogItemDropped", "BacklogItemUpdated"))
                .extract().path("next");
        given().auth().oauth2(TARA).queryParam("limit", 2).queryParam("after", next).when().get(path + "/history")
                .then().statusCode(200).body("items.action", contains("BacklogItemCreated")).body("next", nullValue());

        given().auth().oauth2(NORA).when().get(path + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TARA).queryParam("after", "bm90IGEgY3Vyc29y").when().get(path + "/history")
                .then().statusCode(400).body("errors.field", hasItem("after"));
        given().when().get(path + "/history").then().statusCode(401);
    }

    @Test
    void anAlliancesPhaseHistoryStartsAtRegistration() {
        String key = "H-PH" + Long.toString(System.nanoTime(), 36).toUpperCase().substring(0, 5);
        String manager = Fixtures.manager(key);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Fixtures.allianceBody(key, "EVALUATION", 2))
                .when().post("/api/alliances").then().statusCode(201);
        String path = "/api/alliances/" + key;
        given().auth().oauth2(manager).contentType(ContentType.JSON).header("If-Match", etag(path, manager))
                .body("{\"phase\":\"DUE_DILIGENCE\",\"reason\":\"term sheet signed\"}").when().post(path + "/phase")
                .then().statusCode(200);
        given().auth().oauth2(manager).contentType(ContentType.JSON).header("If-Match", etag(path, manager))
                .body("""
                        {"name":"Renamed alliance","partner":"Partner","type":"LICENSING","tier":2,"valueScore":3,
                         "complexityScore":3,"allianceManager":"alex","riskThreshold":10}""")
                .when().put(path).then().statusCode(200);

        given().auth().oauth2(manager).queryParam("field", "phase").when().get(path + "/history").then()
                .statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].action", equalTo("AlliancePhaseChanged")).body("items[0].reason",
                        equalTo("term sheet signed"))
                .body("items[0].changes[0].field", equalTo("phase"))
                .body("items[0].changes[0].before", equalTo("EVALUATION"))
                .body("items[0].changes[0].after", equalTo("DUE_DILIGENCE"))
                .body("items[1].action", equalTo("AllianceRegistered"));
        given().auth().oauth2(manager).when().get(path + "/history").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items[0].action", equalTo("AllianceUpdated"));
        given().auth().oauth2(NORA).when().get(path + "/history").then().statusCode(404);
    }

    @Test
    void aRisksAndAnObligationsHistoryFollowTheirLives() {
        String risk = given().auth().oauth2(ALEX).contentType(ContentType.JSON).body("""
                {"allianceId":"H-HIST","title":"CMO capacity","category":"SUPPLY","likelihood":2,"impact":3,
                 "owner":"alex"}""").when().post("/api/risks").then().statusCode(201).extract().path("id");
        String path = "/api/risks/" + risk;
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag(path, ALEX))
                .body("{\"likelihood\":4,\"impact\":5}").when().post(path + "/assessment").then().statusCode(200);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag(path, ALEX))
                .body("{\"reason\":\"Second CMO qualified\"}").when().post(path + "/close").then().statusCode(200);

        given().auth().oauth2(SVEN).when().get(path + "/history").then().statusCode(200)
                .body("items.action", contains("RiskClosed", "RiskScored", "RiskRaised"))
                .body("items[0].reason", equalTo("Second CMO qualified"))
                .body("items[1].changes.field", containsInAnyOrder("likelihood", "impact", "score"))
                .body("items[1].changes.find { it.field == 'score' }.before", equalTo("6"))
                .body("items[1].changes.find { it.field == 'score' }.after", equalTo("20"))
                // The threshold is the alliance's: it changes on the alliance, not here.
                .body("items.changes.flatten().field", not(hasItem("threshold")))
                .body("items.changes.flatten().field", not(hasItem("aboveThreshold")));
        given().auth().oauth2(ALEX).queryParam("field", "status").when().get(path + "/history").then()
                .statusCode(200).body("items.action", contains("RiskClosed", "RiskRaised"));
        given().auth().oauth2(NORA).when().get(path + "/history").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get(path + "/history").then().statusCode(401);

        String obligation = given().auth().oauth2(ALEX).contentType(ContentType.JSON).body("""
                {"allianceId":"H-HIST","title":"Annual royalty report","clauseRef":"7.2","kind":"REPORT",
                 "owedBy":"US","dueDate":"2027-03-31","recurrence":"ANNUAL","leadTimeDays":30}""")
                .when().post("/api/obligations").then().statusCode(201).extract().path("id");
        String obligationPath = "/api/obligations/" + obligation;
        given().auth().oauth2(TARA).when().get(obligationPath + "/history").then().statusCode(200)
                .body("items.action", contains("ObligationRegistered"))
                .body("items[0].changes.field", hasItem("dueDate"))
                .body("items[0].changes.field", not(hasItem("windowOpens")));
        given().auth().oauth2(NORA).when().get(obligationPath + "/history").then().statusCode(404);
    }

    @Test
    void risksAndObligationsExportAsCsvFilteredLikeTheirLists() {
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body("""
                {"allianceId":"H-CSV","title":"=cmd|' /C calc'!A0, supply","category":"SUPPLY","likelihood":4,
                 "impact":4,"owner":"alex"}""").when().post("/api/risks").then().statusCode(201);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body("""
                {"allianceId":"H-CSV","title":"Royalty report","clauseRef":"7.2","kind":"REPORT","owedBy":"US",
                 "dueDate":"2027-03-31","recurrence":"ANNUAL","leadTimeDays":30}""")
                .when().post("/api/obligations").then().statusCode(201);

        String risks = given().auth().oauth2(SVEN).accept("text/csv").queryParam("allianceId", "H-CSV")
                .when().get("/api/risks/export").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("risks.csv"))
                .header("X-Entente-Truncated", equalTo("false")).extract().asString();
        String[] lines = risks.split("\r\n");
        assertEquals(2, lines.length, risks);
        assertTrue(lines[0].startsWith("id,allianceId,title,category,likelihood,impact,score"), lines[0]);
        assertTrue(lines[1].contains("\"'=cmd|' /C calc'!A0, supply\",SUPPLY,4,4,16"), lines[1]);

        String obligations = given().auth().oauth2(SVEN).accept("text/csv").queryParam("allianceId", "H-CSV")
                .when().get("/api/obligations/export").then().statusCode(200)
                .header("Content-Disposition", containsString("obligations.csv")).extract().asString();
        assertEquals(2, obligations.split("\r\n").length, obligations);
        assertTrue(obligations.contains("Royalty report,7.2,REPORT,US,2027-03-31,ANNUAL,30"), obligations);

        // Filters and need-to-know as in the lists.
        assertEquals(1, given().auth().oauth2(SVEN).accept("text/csv").queryParam("allianceId", "H-CSV")
                .queryParam("status", "CLOSED").when().get("/api/risks/export").then().statusCode(200)
                .extract().asString().split("\r\n").length);
        String foreign = given().auth().oauth2(NORA).accept("text/csv").queryParam("allianceId", "H-CSV")
                .when().get("/api/obligations/export").then().statusCode(200).extract().asString();
        assertEquals(1, foreign.split("\r\n").length, foreign);
        given().auth().oauth2(SVEN).accept("text/csv").queryParam("status", "LOST")
                .when().get("/api/obligations/export").then().statusCode(400).body("errors.field", hasItem("status"));
        given().accept("text/csv").when().get("/api/risks/export").then().statusCode(401);
    }
}
