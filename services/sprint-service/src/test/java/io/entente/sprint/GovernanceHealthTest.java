package io.entente.sprint;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.Item;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.commit;
import static io.entente.sprint.Fixtures.etag;
import static io.entente.sprint.Fixtures.move;
import static io.entente.sprint.Fixtures.publish;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sprint figures through the endpoint: values from a real closed sprint, alliance scope, the partner kept out. */
@QuarkusTest
class GovernanceHealthTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.setDate(LocalDate.of(2026, 11, 23));
    }

    @Test
    void oneOfThreeDoneAndOneCarriedToTheNextSprint() {
        TestClock.CLOCK.setDate(MONDAY);
        String team = Fixtures.team(unique("Health"), null);
        String sprint = Fixtures.sprint(team, MONDAY, MONDAY.plusDays(11));
        String next = Fixtures.sprint(team, MONDAY.plusDays(14), MONDAY.plusDays(25));
        List<String> ids = publish(Item.of("CDX-QUANTIA", "Obligation tracker", 3),
                Item.of("CDX-QUANTIA", "Cost statement", 2), Item.of("CDX-QUANTIA", "JDC minutes", 1));
        ids.forEach(id -> commit(ADMIN, sprint, id).statusCode(201));
        Fixtures.start(sprint);
        move(TARA, sprint, ids.get(0), "DONE", "tara").statusCode(200);
        TestClock.CLOCK.setDate(MONDAY.plusDays(11));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag("/api/sprints/" + sprint, TARA))
                .body(Map.of("state", "CLOSED", "defaultDisposition", "BACKLOG", "nextSprintId", next,
                        "dispositions", Map.of(ids.get(1), "NEXT_SPRINT")))
                .put("/api/sprints/" + sprint + "/state").then().statusCode(200);

        List<Map<String, Object>> items = given().auth().oauth2(TARA).queryParam("alliance", "CDX-QUANTIA")
                .queryParam("from", "2026-Q4").queryParam("to", "2026-Q4").get("/api/governance-health").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> predictability = figure(items, team, "sprint.predictability");
        assertEquals(33.3f, ((Number) predictability.get("value")).floatValue());
        assertEquals(3, predictability.get("sampleSize"));
        assertEquals("CDX-QUANTIA", predictability.get("allianceKey"));
        assertEquals(33.3f, ((Number) figure(items, team, "sprint.carry-over").get("value")).floatValue());

        // Without the alliance filter the team's figures span the reader's alliances and name none.
        List<Map<String, Object>> all = given().auth().oauth2(TARA).queryParam("from", "2026-Q4")
                .queryParam("to", "2026-Q4").get("/api/governance-health").then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertNull(figure(all, team, "sprint.predictability").get("allianceKey"));
        // A reader of another alliance sees the team without these items.
        List<Map<String, Object>> corvid = given().auth().oauth2(Fixtures.NORA).queryParam("from", "2026-Q4")
                .queryParam("to", "2026-Q4").get("/api/governance-health").then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertEquals(0, figure(corvid, team, "sprint.predictability").get("sampleSize"));
    }

    @Test
    void anotherAlliancesFiguresAreNotFound() {
        given().auth().oauth2(Fixtures.NORA).queryParam("alliance", "CDX-QUANTIA").get("/api/governance-health")
                .then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    void thePartnerMayNotReadInternalFigures() {
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances("CDX-QUANTIA").sign())
                .get("/api/governance-health").then().statusCode(403);
    }

    private static Map<String, Object> figure(List<Map<String, Object>> items, String team, String key) {
        return items.stream().filter(i -> team.equals(i.get("teamId")) && key.equals(i.get("figure"))).findFirst()
                .orElseThrow();
    }
}
