package io.entente.decision;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The decision figures through the endpoint: values from real rows, alliance scope, the partner kept out. */
@QuarkusTest
class GovernanceHealthTest {

    static final String ALLIANCE = "GH-DECISIONS";
    static final String OTHER = "GH-ELSEWHERE";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void alliances() {
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
        DecisionFixtures.registerAlliance(bootstrap, OTHER);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void figuresOfADecisionOpenedAndDecidedTwoDaysLater() {
        String alex = DecisionFixtures.manager(ALLIANCE);
        ExtractableResponse<Response> created = create(alex, body(ALLIANCE, "Dose for phase 3",
                today().plusDays(14), 5)).statusCode(201).extract();
        TestClock.CLOCK.advance(Duration.ofHours(48));
        String tag = given().auth().oauth2(alex).get("/api/decisions/" + created.path("id")).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"chosenOption\":\"A\",\"rationale\":\"Safety first\"}")
                .post("/api/decisions/" + created.path("id") + "/decide").then().statusCode(200);

        List<Map<String, Object>> items = given().auth().oauth2(DecisionFixtures.stakeholder(ALLIANCE))
                .queryParam("alliance", ALLIANCE).queryParam("from", "2026-Q4").queryParam("to", "2026-Q4")
                .get("/api/governance-health").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(6, items.size());
        Map<String, Object> cycle = figure(items, "decision.cycle-time");
        assertEquals(2.0f, ((Number) cycle.get("value")).floatValue());
        assertEquals(1, cycle.get("sampleSize"));
        assertEquals("days", cycle.get("unit"));
        assertEquals(ALLIANCE, cycle.get("allianceKey"));
        assertEquals("2026-Q4", cycle.get("quarter"));
        assertEquals(100.0f, ((Number) figure(items, "decision.decided-ahead").get("value")).floatValue());
        assertEquals(0, ((Number) figure(items, "decision.escalations").get("value")).intValue());
    }

    @Test
    void defaultsToFourQuartersOfEveryAllianceTheReaderSees() {
        given().auth().oauth2(DecisionFixtures.teamMember(ALLIANCE, OTHER)).get("/api/governance-health").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.is(2 * 6 * 4))
                .body("items.quarter", hasItem("2026-Q1")).body("next", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anotherAlliancesFiguresAreNotFound() {
        given().auth().oauth2(DecisionFixtures.manager(OTHER)).queryParam("alliance", ALLIANCE)
                .get("/api/governance-health").then().statusCode(404)
                .contentType(containsString("problem+json"));
    }

    @Test
    void thePartnerMayNotReadInternalFigures() {
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances(ALLIANCE).sign())
                .queryParam("alliance", ALLIANCE).get("/api/governance-health").then().statusCode(403);
    }

    @Test
    void moreThanTwelveQuartersOrAMalformedQuarterIsA400NamingIt() {
        given().auth().oauth2(DecisionFixtures.ADMIN).queryParam("from", "2023-Q4").queryParam("to", "2026-Q4")
                .get("/api/governance-health").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", hasItem("to"));
        given().auth().oauth2(DecisionFixtures.ADMIN).queryParam("from", "Q3-2026")
                .get("/api/governance-health").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(DecisionFixtures.ADMIN).queryParam("committee", "POLITBURO")
                .get("/api/governance-health").then().statusCode(400).body("errors.field", hasItem("committee"));
    }

    private static Map<String, Object> figure(List<Map<String, Object>> items, String key) {
        return items.stream().filter(i -> key.equals(i.get("figure"))).findFirst().orElseThrow();
    }
}
