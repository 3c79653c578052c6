package io.entente.decision;

import io.entente.decision.service.DecisionJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.manager;
import static io.entente.decision.DecisionFixtures.stakeholder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What stakeholders see: decisions still to be taken, overdue first, then by ISO week, with filters. */
@QuarkusTest
class UpcomingViewTest {

    static final String ALLIANCE = "T-UP";
    static final LocalDate START = TestClock.START.atZone(ZoneOffset.UTC).toLocalDate(); // Monday 2026-11-23

    @Inject
    DecisionJobs jobs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void setUp() {
        TestClock.reset();
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
        DecisionFixtures.registerAlliance(bootstrap, "T-UP-OTHER");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void groupsByIsoWeekWithOverdueFirstAndFilters() {
        String alex = manager(ALLIANCE);
        create(alex, body(ALLIANCE, "Overdue: CMC transfer", START.plusDays(1), 0)).statusCode(201);
        create(alex, body(ALLIANCE, "W49 Wed: Protocol amendment", START.plusDays(9), 3)).statusCode(201);
        create(alex, body(ALLIANCE, "W49 Thu: Publication plan", START.plusDays(10), 3)).statusCode(201);
        create(alex, body(ALLIANCE, "W50 Sun: JDC budget", START.plusDays(20), 3, "JDC", false)).statusCode(201);
        create(alex, body(ALLIANCE, "Beyond eight weeks", START.plusDays(70), 3)).statusCode(201);
        create(alex, body(ALLIANCE, "A draft", START.plusDays(9), 3, "JSC", true)).statusCode(201);
        ExtractableResponse<Response> decided = create(alex, body(ALLIANCE, "Decided already", START.plusDays(9), 3))
                .statusCode(201).extract();
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", decided.header("ETag"))
                .body("{\"chosenOption\":\"A\",\"rationale\":\"done\"}")
                .post("/api/decisions/" + decided.path("id") + "/decide").then().statusCode(200);
        create(manager("T-UP-OTHER"), body("T-UP-OTHER", "Not for sven", START.plusDays(9), 3)).statusCode(201);

        // Thursday: the first one is two days late.
        TestClock.CLOCK.setDate(START.plusDays(3));
        jobs.reassessRisk();
        String sven = stakeholder(ALLIANCE);
        ExtractableResponse<Response> view = given().auth().oauth2(sven).get("/api/decisions/upcoming").then()
                .statusCode(200)
                .body("today", equalTo(START.plusDays(3).toString()))
                .body("total", equalTo(4))
                .body("groups[0].label", equalTo("Overdue"))
                .body("groups[0].overdue", equalTo(true))
                .body("groups[0].decisions.title", equalTo(List.of("Overdue: CMC transfer")))
                .body("groups[0].decisions[0].riskState", equalTo("OVERDUE"))
                .body("groups[0].decisions[0].daysUntilDue", equalTo(-2))
                .body("groups[1].isoWeek", equalTo("2026-W49"))
                .body("groups[1].weekStart", equalTo("2026-11-30"))
                .body("groups[1].label", containsString("Next week"))
                .body("groups[1].decisions.title",
                        equalTo(List.of("W49 Wed: Protocol amendment", "W49 Thu: Publication plan")))
                .body("groups[2].isoWeek", equalTo("2026-W50"))
                .body("groups[2].decisions.title", equalTo(List.of("W50 Sun: JDC budget")))
                .extract();
        assertEquals(3, view.jsonPath().getList("groups").size());

        given().auth().oauth2(sven).queryParam("body", "JDC").get("/api/decisions/upcoming").then().statusCode(200)
                .body("total", equalTo(1)).body("groups[0].decisions[0].title", equalTo("W50 Sun: JDC budget"));
        given().auth().oauth2(sven).queryParam("risk", "OVERDUE").get("/api/decisions/upcoming").then()
                .statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(sven).queryParam("allianceId", ALLIANCE).queryParam("weeks", 26)
                .get("/api/decisions/upcoming").then().statusCode(200).body("total", equalTo(5));
        given().auth().oauth2(sven).queryParam("allianceId", "T-UP-OTHER").get("/api/decisions/upcoming").then()
                .statusCode(200).body("total", equalTo(0)).body("groups.size()", equalTo(0));
        given().auth().oauth2(stakeholder("T-NOTHING")).get("/api/decisions/upcoming").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void badFiltersAreProblemsAndAnonymousIsRefused() {
        String sven = stakeholder(ALLIANCE);
        given().get("/api/decisions/upcoming").then().statusCode(401);
        given().auth().oauth2(sven).queryParam("weeks", 0).get("/api/decisions/upcoming").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(sven).queryParam("body", "BOARD").get("/api/decisions/upcoming").then()
                .statusCode(400).body("detail", containsString("EXECUTIVE_SPONSORS"));
        given().auth().oauth2(sven).queryParam("risk", "RED").get("/api/decisions/upcoming").then()
                .statusCode(400);
    }
}
