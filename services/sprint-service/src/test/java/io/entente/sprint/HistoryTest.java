package io.entente.sprint;

import io.entente.sprint.Fixtures.Item;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.GWEN;
import static io.entente.sprint.Fixtures.NORA;
import static io.entente.sprint.Fixtures.SVEN;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.publish;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Team and sprint histories: newest first, paged, and only what the reader may know. */
@QuarkusTest
class HistoryTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void teamHistoryShowsWhoChangedWhatAndHidesAlliancesFromPartialReaders() {
        String name = unique("Historic");
        String team = Fixtures.team(name, null);
        Map<String, Object> body = Fixtures.teamBody(name, List.of("GOVERNANCE", "CONTRACTS"),
                List.of("ONC-HELIX", "CDX-QUANTIA", "LIC-CORVID"), Map.of("IN_PROGRESS", 3));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/teams/" + team).then().statusCode(200);
        String path = "/api/teams/" + team + "/history";
        given().auth().oauth2(GWEN).when().get(path).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("TeamUpdated"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].changes.find { it.field == 'wipLimits' }.after", equalTo("IN_PROGRESS 3"))
                .body("items[1].action", equalTo("TeamCreated"))
                .body("items[1].changes.field", hasItem("members"))
                .body("items[1].changes.field", hasItem("alliances"));
        // nora sees Corvid only and tara not Corvid: the covered list would name what they may not see.
        given().auth().oauth2(NORA).when().get(path).then().statusCode(200)
                .body("items[1].changes.field", not(hasItem("alliances")));
        given().auth().oauth2(TARA).when().get(path).then().statusCode(200)
                .body("items[1].changes.field", hasItem("members"))
                .body("items[1].changes.field", not(hasItem("alliances")));
        given().auth().oauth2(TARA).queryParam("limit", 1).when().get(path).then().statusCode(200)
                .body("items", hasSize(1)).body("next", not(nullValue()));

        String corvidOnly = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.teamBody(unique("Corvid only"), List.of("GOVERNANCE"), List.of("LIC-CORVID"), null))
                .when().post("/api/teams").then().statusCode(201).extract().path("id");
        // sven is no member and covers neither alliance: the team is none of his business.
        given().auth().oauth2(SVEN).when().get("/api/teams/" + corvidOnly + "/history")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TARA).when().get("/api/teams/00000000-0000-0000-0000-000000000009/history")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void sprintHistoryLeavesOutCardsOfAlliancesTheReaderMayNotSee() {
        String team = Fixtures.team(unique("Sprint history"), null);
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "Helix secret agenda", 3),
                Item.of("LIC-CORVID", "Corvid royalty report", 2));
        Fixtures.commit(ADMIN, sprint, ids.get(0)).statusCode(201);
        Fixtures.commit(ADMIN, sprint, ids.get(1)).statusCode(201);
        Fixtures.start(sprint);
        String path = "/api/sprints/" + sprint + "/history";
        given().auth().oauth2(GWEN).when().get(path).then().statusCode(200)
                .body("items.action", equalTo(List.of("SprintStarted", "ItemCommittedToSprint",
                        "ItemCommittedToSprint", "SprintPlanned")))
                .body("items[0].changes.find { it.field == 'state' }.after", equalTo("ACTIVE"));
        String asNora = given().auth().oauth2(NORA).when().get(path).then().statusCode(200)
                .body("items.action", equalTo(List.of("SprintStarted", "ItemCommittedToSprint", "SprintPlanned")))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(asNora.contains("Helix secret agenda"), asNora);
        org.junit.jupiter.api.Assertions.assertFalse(asNora.contains(ids.get(0)), asNora);
        given().auth().oauth2(TARA).when().get(path).then().statusCode(200)
                .body("items.action", equalTo(List.of("SprintStarted", "ItemCommittedToSprint", "SprintPlanned")))
                .body("items[1].changes.find { it.field == 'title' }.after", equalTo("Helix secret agenda"));
        given().auth().oauth2(TARA).when().get("/api/sprints/00000000-0000-0000-0000-000000000009/history")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get(path).then().statusCode(401);
    }
}
