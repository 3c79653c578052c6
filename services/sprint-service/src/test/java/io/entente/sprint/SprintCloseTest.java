package io.entente.sprint;

import io.entente.sprint.Fixtures.Item;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.NORA;
import static io.entente.sprint.Fixtures.SVEN;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.commit;
import static io.entente.sprint.Fixtures.etag;
import static io.entente.sprint.Fixtures.move;
import static io.entente.sprint.Fixtures.publish;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A known sprint, day by day: burndown numbers, closing with carry-over, velocity. */
@QuarkusTest
class SprintCloseTest {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void burndownCarryOverAndVelocityOnAKnownScenario() {
        TestClock.CLOCK.setDate(MONDAY);
        String team = Fixtures.team(unique("Burndown"), null);
        // 12 calendar days, 10 working days; tara at 2 points a day: capacity 20 + 5
        String sprint = Fixtures.sprint(team, MONDAY, MONDAY.plusDays(11));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("members", List.of(Map.of("userId", "tara", "absenceDays", 0, "pointsPerDay", 2),
                        Map.of("userId", "nora", "absenceDays", 0))))
                .when().put("/api/sprints/" + sprint + "/capacity")
                .then().statusCode(200).body("planning.capacityPoints", equalTo(25));
        String next = Fixtures.sprint(team, MONDAY.plusDays(14), MONDAY.plusDays(25));
        List<String> ids = publish(Item.of("ONC-HELIX", "JSC pre-read", 5), Item.of("ONC-HELIX", "JDC minutes", 3),
                Item.of("CDX-QUANTIA", "Obligation tracker", 8), Item.of("LIC-CORVID", "Final accounting", 2),
                Item.of("CDX-QUANTIA", "Pulse survey", 3));
        for (String id : ids.subList(0, 4)) {
            commit(ADMIN, sprint, id).statusCode(201);
        }
        Fixtures.start(sprint);

        TestClock.CLOCK.setDate(MONDAY.plusDays(1));
        move(TARA, sprint, ids.get(0), "DONE", "tara").statusCode(200);
        TestClock.CLOCK.setDate(MONDAY.plusDays(2));
        commit(TARA, sprint, ids.get(4)).statusCode(201);
        TestClock.CLOCK.setDate(MONDAY.plusDays(3));
        given().auth().oauth2(TARA).header("If-Match", etag("/api/sprints/" + sprint + "/items/" + ids.get(1), TARA))
                .when().delete("/api/sprints/" + sprint + "/items/" + ids.get(1)).then().statusCode(204);
        TestClock.CLOCK.setDate(MONDAY.plusDays(4));
        move(TARA, sprint, ids.get(2), "IN_REVIEW", "tara").statusCode(200);
        move(TARA, sprint, ids.get(2), "DONE", "tara").statusCode(200);

        // Day 1: 5+3+8+2 = 18; day 2: JSC pre-read done, 13; day 3: pulse survey added, 16; day 4: JDC minutes
        // removed, 13; day 5: obligation tracker done, 5; later days have not ended.
        given().auth().oauth2(SVEN).when().get("/api/sprints/" + sprint + "/burndown")
                .then().statusCode(200)
                .body("scopeAtStart", equalTo(18))
                .body("remainingPoints", equalTo(5))
                .body("days", hasSize(12))
                .body("days[0].date", equalTo("2026-11-30"))
                .body("days.remainingPoints", equalTo(Arrays.asList(18, 13, 16, 13, 5, null, null, null, null, null,
                        null, null)))
                .body("days[0].idealPoints", equalTo(18.0f))
                .body("days[5].idealPoints", equalTo(9.8f))
                .body("days[11].idealPoints", equalTo(0.0f));
        given().when().get("/api/sprints/" + sprint + "/burndown").then().statusCode(401);
        given().auth().oauth2(SVEN).when().get("/api/sprints/00000000-0000-0000-0000-000000000009/burndown")
                .then().statusCode(404).contentType(PROBLEM);

        // Close on the last day: the Corvid item goes to the next sprint, the pulse survey back to the backlog.
        TestClock.CLOCK.setDate(MONDAY.plusDays(11));
        String path = "/api/sprints/" + sprint + "/state";
        Map<String, Object> choice = Map.of("state", "CLOSED", "defaultDisposition", "BACKLOG", "nextSprintId", next,
                "dispositions", Map.of(ids.get(3), "NEXT_SPRINT"));
        String etag = etag("/api/sprints/" + sprint, TARA);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(choice).when().put(path)
                .then().statusCode(428);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"99\"").body(choice)
                .when().put(path).then().statusCode(412);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag).body(choice)
                .when().put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(choice).when().put(path)
                .then().statusCode(401);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("state", "CLOSED", "defaultDisposition", "NEXT_SPRINT")).when().put(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("nextSprintId"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("state", "CLOSED", "defaultDisposition", "BACKLOG",
                        "dispositions", Map.of(ids.get(0), "BACKLOG")))
                .when().put(path)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("not an unfinished item"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("state", "CLOSED", "defaultDisposition", "SOMEDAY")).when().put(path)
                .then().statusCode(400);
        // nora may not address the Helix or Quantia items; an unknown disposition key reads the same
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("state", "CLOSED", "defaultDisposition", "BACKLOG", "dispositions",
                        Map.of(ids.get(4), "NEXT_SPRINT")))
                .when().put(path).then().statusCode(400);

        // tara cannot address the Corvid item she may not see
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag).body(choice)
                .when().put(path).then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag).body(choice)
                .when().put(path)
                .then().statusCode(200)
                .body("sprint.state", equalTo("CLOSED"))
                .body("sprint.planning.committedPoints", equalTo(18))
                .body("sprint.planning.completedPoints", equalTo(13))
                .body("carriedOver", hasSize(2))
                .body("carriedOver.find { it.itemId == '" + ids.get(3) + "' }.disposition", equalTo("NEXT_SPRINT"))
                .body("carriedOver.find { it.itemId == '" + ids.get(4) + "' }.disposition", equalTo("BACKLOG"));

        String closed = Fixtures.outbox(sprint, "SprintClosed").get(0);
        assertTrue(closed.contains("\"committedPoints\":18") && closed.contains("\"completedPoints\":13")
                && closed.contains("\"disposition\":\"NEXT_SPRINT\",\"nextSprintId\":\"" + next + "\"")
                && closed.contains("\"disposition\":\"BACKLOG\",\"nextSprintId\":null"), closed);
        assertEquals(1, Fixtures.outbox(next, "ItemCommittedToSprint").size());

        // the next sprint holds the carried item; the other one is a candidate again; the done ones are not
        given().auth().oauth2(TARA).when().get("/api/sprints/" + next + "/board")
                .then().statusCode(200).body("planning.committedPoints", equalTo(2))
                .body("lanes[0].columns.TODO[0].assignee", equalTo(null));
        given().auth().oauth2(TARA).queryParam("teamId", team).queryParam("limit", 200)
                .when().get("/api/sprint-candidates").then().statusCode(200)
                .body("items.itemId", hasItem(ids.get(4)))
                .body("items.itemId", not(hasItem(ids.get(0))))
                .body("items.itemId", not(hasItem(ids.get(3))));
        // a closed sprint stays as it was, and cannot close twice
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint + "/board")
                .then().statusCode(200).body("sprint.state", equalTo("CLOSED")).body("planning.itemCount", equalTo(4));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("If-Match", etag("/api/sprints/" + sprint, TARA)).body(choice).when().put(path)
                .then().statusCode(409).contentType(PROBLEM).body("type", containsString("sprint-not-active"));
        commit(TARA, sprint, ids.get(4)).statusCode(409).body("type", containsString("sprint-closed"));
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint + "/burndown")
                .then().body("days.remainingPoints[11]", equalTo(5));

        given().auth().oauth2(SVEN).when().get("/api/teams/" + team + "/velocity?last=3")
                .then().statusCode(200)
                .body("sprints", hasSize(1))
                .body("sprints[0].committedPoints", equalTo(18))
                .body("sprints[0].completedPoints", equalTo(13))
                .body("averageCompleted", equalTo(13.0f));
        given().auth().oauth2(ADMIN).queryParam("teamId", team).queryParam("state", "CLOSED")
                .when().get("/api/sprints").then().body("items.completedPoints", contains(13));
    }
}
