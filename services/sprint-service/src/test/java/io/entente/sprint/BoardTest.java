package io.entente.sprint;

import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.sprint.Fixtures.Item;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.GWEN;
import static io.entente.sprint.Fixtures.NORA;
import static io.entente.sprint.Fixtures.SVEN;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.commit;
import static io.entente.sprint.Fixtures.move;
import static io.entente.sprint.Fixtures.publish;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moving and assigning cards, WIP limits, restricted cards, swimlanes, taking cards off the board. */
@QuarkusTest
class BoardTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void monday() {
        TestClock.CLOCK.setDate(LocalDate.of(2026, 11, 23));
    }

    @Test
    void movingPastAWipLimitIsRefused() {
        String team = Fixtures.team(unique("WIP"), Map.of("IN_PROGRESS", 2));
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "One", 1), Item.of("ONC-HELIX", "Two", 1),
                Item.of("CDX-QUANTIA", "Three", 1));
        ids.forEach(id -> commit(TARA, sprint, id).statusCode(201));

        move(TARA, sprint, ids.get(0), "IN_PROGRESS", null).statusCode(409).contentType(PROBLEM)
                .body("type", containsString("sprint-not-active"));
        // assigning during planning is fine
        move(TARA, sprint, ids.get(0), "TODO", "tara").statusCode(200).body("assignee", equalTo("tara"))
                .body("assigneeName", equalTo("Tara Singh"));
        assertEquals(1, Fixtures.outbox(sprint, "BoardItemAssigned").size());
        Fixtures.start(sprint);

        move(TARA, sprint, ids.get(0), "IN_PROGRESS", "tara").statusCode(200).body("column", equalTo("IN_PROGRESS"));
        move(ADMIN, sprint, ids.get(1), "IN_PROGRESS", "nora").statusCode(200);
        move(TARA, sprint, ids.get(2), "IN_PROGRESS", null).statusCode(409).contentType(PROBLEM)
                .body("type", containsString("wip-limit"))
                .body("detail", containsString("IN_PROGRESS already holds 2 cards and its WIP limit is 2"));
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint + "/board")
                .then().statusCode(200)
                .body("columns.find { it.column == 'IN_PROGRESS' }.count", equalTo(2))
                .body("columns.find { it.column == 'IN_PROGRESS' }.atLimit", equalTo(true))
                .body("columns.find { it.column == 'TODO' }.wipLimit", nullValue());
        // freeing a slot lets the third card in; reaching DONE is what the backlog treats as "item done"
        move(TARA, sprint, ids.get(0), "DONE", "tara").statusCode(200);
        move(TARA, sprint, ids.get(2), "IN_PROGRESS", null).statusCode(200);
        String done = Fixtures.outbox(sprint, "BoardItemMoved").stream()
                .filter(p -> p.contains("\"toColumn\":\"DONE\"")).findFirst().orElseThrow();
        assertTrue(done.contains("\"allianceId\":\"ONC-HELIX\"") && done.contains("\"fromColumn\":\"IN_PROGRESS\""),
                done);
    }

    @Test
    void cardEndpointsAreGuarded() {
        String team = Fixtures.team(unique("Card guards"), null);
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "Helix only", 2));
        commit(TARA, sprint, ids.get(0)).statusCode(201);
        Fixtures.start(sprint);
        String path = "/api/sprints/" + sprint + "/items/" + ids.get(0);
        Map<String, Object> body = Map.of("column", "IN_PROGRESS");

        given().auth().oauth2(TARA).when().get(path).then().statusCode(200).header("ETag", "\"0\"")
                .body("title", equalTo("Helix only"));
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(NORA).when().get(path).then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).when().put(path)
                .then().statusCode(401);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put(path).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GWEN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put(path).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put(path).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("column", "BLOCKED")).when().put(path).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("column", "TODO", "assignee", "gwen")).when().put(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("assignee"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put(path).then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("column", "IN_REVIEW")).when().put(path).then().statusCode(412).contentType(PROBLEM);

        // taking the card off
        given().auth().oauth2(TARA).header("If-Match", "\"0\"").when().delete(path).then().statusCode(412);
        given().auth().oauth2(TARA).when().delete(path).then().statusCode(428);
        given().auth().oauth2(SVEN).header("If-Match", "\"1\"").when().delete(path).then().statusCode(403);
        given().header("If-Match", "\"1\"").when().delete(path).then().statusCode(401);
        given().auth().oauth2(NORA).header("If-Match", "\"1\"").when().delete(path).then().statusCode(404);
        given().auth().oauth2(TARA).header("If-Match", "\"1\"").queryParam("reason", "JSC postponed")
                .when().delete(path).then().statusCode(204);
        given().auth().oauth2(TARA).when().get(path).then().statusCode(404);
        assertTrue(Fixtures.outbox(sprint, "ItemRemovedFromSprint").get(0).contains("JSC postponed"));
        given().auth().oauth2(TARA).queryParam("limit", 200).queryParam("allianceId", "ONC-HELIX")
                .when().get("/api/sprint-candidates").then().statusCode(200).body("items.itemId", hasItem(ids.get(0)));
    }

    @Test
    void restrictedCardsKeepTotalsWithoutLeaking() {
        String team = Fixtures.team(unique("Restricted"), null);
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "Helix secret deal terms", 5),
                Item.of("CDX-QUANTIA", "Quantia assay milestone", 3), Item.of("LIC-CORVID", "Corvid data return", 2));
        ids.forEach(id -> commit(ADMIN, sprint, id).statusCode(201));
        Fixtures.start(sprint);
        move(TARA, sprint, ids.get(0), "IN_PROGRESS", "tara").statusCode(200);
        move(NORA, sprint, ids.get(2), "TODO", "nora").statusCode(200);

        var board = given().auth().oauth2(NORA).when().get("/api/sprints/" + sprint + "/board")
                .then().statusCode(200)
                .body("swimlanes", equalTo("ALLIANCE"))
                .body("planning.committedPoints", equalTo(10))
                .body("planning.itemCount", equalTo(3))
                .body("lanes.key", contains("LIC-CORVID", "restricted"))
                .body("lanes[1].restricted", equalTo(true))
                .body("lanes[1].count", equalTo(2))
                .body("lanes[1].points", equalTo(8))
                .body("lanes[1].columns.IN_PROGRESS[0].restricted", equalTo(true))
                .body("lanes[1].columns.IN_PROGRESS[0].estimate", equalTo(5))
                .body("lanes[1].columns.IN_PROGRESS[0]", not(hasKey("title")))
                .body("lanes[1].columns.IN_PROGRESS[0]", not(hasKey("allianceId")))
                .body("lanes[0].columns.TODO[0].title", equalTo("Corvid data return"))
                .extract().asString();
        assertTrue(!board.contains("Helix") && !board.contains("ONC-HELIX") && !board.contains("Quantia")
                && !board.contains(ids.get(0)) && !board.contains(ids.get(1)), board);

        given().auth().oauth2(TARA).queryParam("swimlanes", "assignee")
                .when().get("/api/sprints/" + sprint + "/board")
                .then().statusCode(200)
                .body("swimlanes", equalTo("ASSIGNEE"))
                .body("lanes.key", contains("nora", "tara", "unassigned"))
                .body("lanes[0].columns.TODO[0].restricted", equalTo(true))
                .body("lanes[1].columns.IN_PROGRESS[0].title", equalTo("Helix secret deal terms"))
                .body("lanes[2].columns.TODO[0].title", equalTo("Quantia assay milestone"));

        given().auth().oauth2(SVEN).when().get("/api/sprints/" + sprint + "/board").then().statusCode(200);
        given().when().get("/api/sprints/" + sprint + "/board").then().statusCode(401);
        given().auth().oauth2(TARA).queryParam("swimlanes", "partner")
                .when().get("/api/sprints/" + sprint + "/board").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TARA).when().get("/api/sprints/00000000-0000-0000-0000-000000000009/board")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anItemDroppedInTheBacklogLeavesTheBoard() {
        String team = Fixtures.team(unique("Dropped"), null);
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "Obsolete packet section", 2));
        commit(TARA, sprint, ids.get(0)).statusCode(201);
        Fixtures.publishEvents(new BacklogItemDropped(ids.get(0), "ONC-HELIX", "superseded by the new charter"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint + "/board")
                        .then().statusCode(200).body("planning.itemCount", equalTo(0)));
        assertTrue(Fixtures.outbox(sprint, "ItemRemovedFromSprint").get(0).contains("superseded"));
        assertTrue(Fixtures.audit(sprint, "ItemRemovedFromSprint").get(0).endsWith("by system:sprint-service"));
        given().auth().oauth2(TARA).when().get("/api/sprint-candidates/" + ids.get(0)).then().statusCode(404);
        given().auth().oauth2(TARA).queryParam("limit", 200).when().get("/api/sprint-candidates")
                .then().body("items.itemId", not(hasItem(ids.get(0))));
        // the board still answers with the sprint header and empty columns
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint + "/board")
                .then().body("columns", hasSize(4)).body("lanes", hasSize(0));
    }
}
