package io.entente.backlog;

import io.entente.platform.testing.EndpointInventory;
import io.entente.platform.testing.LeakSweep;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The leak sweep of the backlog service: the risk register and the backlog are internal, and so is our rating of an
 * alliance and how we prepare an obligation. A partner reads every read endpoint and every CSV export and finds no
 * marker of them; our stakeholder finds every one.
 */
@QuarkusTest
class LeakSweepTest {

    static final String A = "LKB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final List<String> MARKERS = List.of("ZZLEAK-item", "ZZLEAK-risk", "ZZLEAK-mitigation");

    @Test
    void aPartnerReadsNoInternalMaterialAndOurStakeholderReadsItAll() {
        Fixtures.alliances(A);
        String admin = Fixtures.ADMIN;
        String item = create(admin, "/api/backlog-items", Fixtures.itemBody(A, "ZZLEAK-item"));
        String risk = create(admin, "/api/risks", """
                {"allianceId":"%s","title":"ZZLEAK-risk","category":"SUPPLY","likelihood":4,"impact":5,
                 "owner":"tara","mitigation":"ZZLEAK-mitigation","nextReviewDate":"2026-12-01"}""".formatted(A));
        String obligation = create(admin, "/api/obligations", """
                {"allianceId":"%s","title":"Royalty report","clauseRef":"7.2","kind":"REPORT","owedBy":"PARTNER",
                 "dueDate":"2027-03-31","recurrence":"ANNUAL","leadTimeDays":30}""".formatted(A));
        String partner = TestTokens.user("pia").roles("partner").alliances(A).sign();
        String stakeholder = Fixtures.stakeholder(A);

        LeakSweep sweep = LeakSweep.of(EndpointInventory.scan("io.entente.backlog", "io.entente.platform"))
                .read("GET /api/me", "/api/me")
                .read("GET /api/alliances", "/api/alliances")
                .read("GET /api/alliances/{key}", "/api/alliances/" + A)
                .read("GET /api/alliances/{key}/history", "/api/alliances/" + A + "/history")
                .read("GET /api/backlog-items", "/api/backlog-items?allianceId=" + A)
                .read("GET /api/backlog-items/export", "/api/backlog-items/export?allianceId=" + A, "text/csv",
                        r -> r.asString())
                .read("GET /api/backlog-items/{id}", "/api/backlog-items/" + item)
                .read("GET /api/backlog-items/{id}/history", "/api/backlog-items/" + item + "/history")
                .read("GET /api/governance-health", "/api/governance-health?alliance=" + A)
                .read("GET /api/obligations", "/api/obligations?allianceId=" + A)
                .read("GET /api/obligations/export", "/api/obligations/export?allianceId=" + A, "text/csv",
                        r -> r.asString())
                .read("GET /api/obligations/{id}", "/api/obligations/" + obligation)
                .read("GET /api/obligations/{id}/history", "/api/obligations/" + obligation + "/history")
                .read("GET /api/playbooks", "/api/playbooks")
                .read("GET /api/playbooks/{idOrKey}", "/api/playbooks/jsc-preparation")
                .read("GET /api/risks", "/api/risks?allianceId=" + A)
                .read("GET /api/risks/export", "/api/risks/export?allianceId=" + A, "text/csv", r -> r.asString())
                .read("GET /api/risks/{id}", "/api/risks/" + risk)
                .read("GET /api/risks/{id}/history", "/api/risks/" + risk + "/history");
        sweep.assertCoversEveryRead();
        sweep.assertNone("a partner", partner, MARKERS);
        sweep.assertAll("a stakeholder", stakeholder, MARKERS);

        // Numbers and dates cannot carry a marker: their names must be absent from what a partner reads.
        String alliance = given().auth().oauth2(partner).get("/api/alliances/" + A).then().statusCode(200).extract()
                .asString() + given().auth().oauth2(partner).get("/api/alliances").then().statusCode(200).extract()
                .asString();
        for (String field : List.of("\"tier\"", "valueScore", "complexityScore", "riskThreshold")) {
            assertFalse(alliance.contains(field), field + " in " + alliance);
        }
        String obligations = given().auth().oauth2(partner).get("/api/obligations/" + obligation).then()
                .statusCode(200).extract().asString() + given().auth().oauth2(partner)
                .get("/api/obligations?allianceId=" + A).then().statusCode(200).extract().asString();
        for (String field : List.of("leadTimeDays", "windowOpens", "itemId")) {
            assertFalse(obligations.contains(field), field + " in " + obligations);
        }
        // Nor may a partner learn the rating by filtering or ordering by it.
        given().auth().oauth2(partner).queryParam("tier", 1).get("/api/alliances").then().statusCode(400);
        given().auth().oauth2(partner).queryParam("sort", "-valueScore").get("/api/alliances").then()
                .statusCode(400);
    }

    private static String create(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(201).extract().path("id");
    }
}
