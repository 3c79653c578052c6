package io.entente.governance;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committee figures through the endpoint: values from real rows, alliance scope, the partner kept out. */
@QuarkusTest
class GovernanceHealthTest {

    static final String A = Fixtures.allianceKey("GH");
    static final String ALEX = TestTokens.user("alex").roles("alliance-manager").alliances(A).sign();

    @Test
    void aMeetingWhosePacketWentOutAWeekAhead() {
        Instant start = TestClock.CLOCK.instant();
        String jsc = Fixtures.id(Fixtures.createBody(ALEX, A, "JSC", "QUARTERLY").then().statusCode(201).extract()
                .response());
        String meeting = Fixtures.id(given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(Fixtures.meeting(jsc, "JSC December", "2026-11-30T09:00:00Z", "UTC"))
                .post("/api/meetings").then().statusCode(201).extract().response());
        given().auth().oauth2(ALEX).post("/api/meetings/" + meeting + "/packets").then().statusCode(201);
        // The internal edition tells the committee how it is doing; the partner edition does not.
        String internal = given().auth().oauth2(ALEX).accept("text/html")
                .get("/api/meetings/" + meeting + "/packets/latest").then().statusCode(200).extract().asString();
        assertTrue(internal.contains("How this committee is doing"), "internal edition without the section");
        assertTrue(internal.contains("Packet lead time"));
        String partner = given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances(A).sign())
                .accept("text/html").get("/api/meetings/" + meeting + "/packets/latest").then().statusCode(200)
                .extract().asString();
        assertFalse(partner.contains("How this committee is doing"), "the partner edition shows our figures");
        assertFalse(partner.contains("Packet lead time"));
        try {
            TestClock.CLOCK.set(Instant.parse("2026-12-01T09:00:00Z"));
            List<Map<String, Object>> items = given().auth().oauth2(ALEX).queryParam("alliance", A)
                    .queryParam("committee", jsc).queryParam("from", "2026-Q4").queryParam("to", "2026-Q4")
                    .get("/api/governance-health").then().statusCode(200).extract().jsonPath().getList("items");
            assertEquals(6, items.size());
            Map<String, Object> lead = figure(items, "packet.lead-time");
            assertEquals(7.0f, ((Number) lead.get("value")).floatValue());
            assertEquals(7.0f, ((Number) lead.get("target")).floatValue());
            assertEquals(1, lead.get("sampleSize"));
            assertEquals(jsc, lead.get("committeeId"));
            assertEquals(A, lead.get("allianceKey"));
            assertEquals(100.0f, ((Number) figure(items, "packet.on-target").get("value")).floatValue());
            assertEquals(1.0f, ((Number) figure(items, "packet.versions").get("value")).floatValue());
            assertEquals(0, ((Number) figure(items, "action-item.open-past-due").get("value")).intValue());
        } finally {
            TestClock.CLOCK.set(start);
        }
    }

    @Test
    void anotherAlliancesFiguresAreNotFound() {
        String other = TestTokens.user("olga").roles("governance-ops").alliances("GH-OTHER").sign();
        given().auth().oauth2(other).queryParam("alliance", A).get("/api/governance-health").then().statusCode(404)
                .contentType(containsString("problem+json"));
    }

    @Test
    void thePartnerMayNotReadInternalFigures() {
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances(A).sign())
                .queryParam("alliance", A).get("/api/governance-health").then().statusCode(403);
    }

    @Test
    void moreThanTwelveQuartersIsA400() {
        given().auth().oauth2(ALEX).queryParam("from", "2020-Q1").get("/api/governance-health").then()
                .statusCode(400).body("errors.field", hasItem("to"));
    }

    private static Map<String, Object> figure(List<Map<String, Object>> items, String key) {
        return items.stream().filter(i -> key.equals(i.get("figure"))).findFirst().orElseThrow();
    }
}
