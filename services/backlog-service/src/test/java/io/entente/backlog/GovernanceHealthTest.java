package io.entente.backlog;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The obligation figures through the endpoint: values from real rows, alliance scope, the partner kept out. */
@QuarkusTest
class GovernanceHealthTest {

    static final String A = "GH-OBLIGATIONS";
    static final String TARA = Fixtures.member(A);

    @Test
    void aRecurringObligationMetEarlyKeepsItsOccurrence() {
        Fixtures.alliances(A);
        String id = given().auth().oauth2(TARA).contentType(ContentType.JSON).body("""
                        {"allianceId":"%s","title":"Quarterly cost statement","clauseRef":"§9.1","kind":"REPORT",
                         "owedBy":"US","dueDate":"2026-11-30","leadTimeDays":30,"recurrence":"QUARTERLY"}"""
                        .formatted(A))
                .post("/api/obligations").then().statusCode(201).extract().path("id");
        String path = "/api/obligations/" + id;
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, TARA))
                .body("{\"metOn\":\"2026-11-20\"}").post(path + "/met").then().statusCode(200)
                .body("dueDate", equalTo("2027-02-28"));

        List<Map<String, Object>> items = given().auth().oauth2(Fixtures.stakeholder(A)).queryParam("alliance", A)
                .queryParam("from", "2026-Q4").queryParam("to", "2027-Q1").get("/api/governance-health").then()
                .statusCode(200).body("next", org.hamcrest.Matchers.nullValue()).extract().jsonPath()
                .getList("items");
        assertEquals(3 * 2, items.size());
        assertEquals(1, ((Number) figure(items, "obligation.met-on-time", "2026-Q4").get("value")).intValue());
        assertEquals(0, ((Number) figure(items, "obligation.missed", "2026-Q4").get("value")).intValue());
        assertEquals(100.0f, ((Number) figure(items, "obligation.on-time-rate", "2026-Q4").get("value"))
                .floatValue());
        assertEquals(null, figure(items, "obligation.on-time-rate", "2027-Q1").get("value"));
    }

    @Test
    void anotherAlliancesFiguresAreNotFound() {
        given().auth().oauth2(Fixtures.member("GH-ELSEWHERE")).queryParam("alliance", A)
                .get("/api/governance-health").then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    void thePartnerMayNotReadInternalFigures() {
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances(A).sign())
                .queryParam("alliance", A).get("/api/governance-health").then().statusCode(403);
    }

    private static Map<String, Object> figure(List<Map<String, Object>> items, String key, String quarter) {
        return items.stream().filter(i -> key.equals(i.get("figure")) && quarter.equals(i.get("quarter")))
                .findFirst().orElseThrow();
    }
}
