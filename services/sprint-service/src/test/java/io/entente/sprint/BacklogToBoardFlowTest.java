package io.entente.sprint;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemRanked;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.entente.sprint.Fixtures.ALEX;
import static io.entente.sprint.Fixtures.NORA;
import static io.entente.sprint.Fixtures.SVEN;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * End to end through the real broker: an item created in the backlog service reaches the planning view, is pulled
 * into a sprint over REST and shows on the board under its alliance's name.
 */
@QuarkusTest
class BacklogToBoardFlowTest {

    @BeforeEach
    void monday() {
        TestClock.CLOCK.setDate(LocalDate.of(2026, 11, 23));
    }

    @Test
    void anItemCreatedInTheBacklogAppearsOnTheBoardAfterItIsPulledIn() {
        String itemId = UUID.randomUUID().toString();
        Fixtures.publishEvents(
                new AllianceRegistered("ONC-HELIX", "Helix oncology co-development", "Helix Biotherapeutics",
                        "CO_DEVELOPMENT", 1, "EXECUTION", 5, 4, "alex", LocalDate.of(2024, 3, 1)),
                new BacklogItemCreated(itemId, "ONC-HELIX", "Assemble JSC pre-read", "Agenda, decisions, risks",
                        "GOVERNANCE", "TASK", 3, LocalDate.of(2026, 12, 1), "NEW", null, "decision:d-17"),
                new BacklogItemUpdated(itemId, "ONC-HELIX", "Assemble JSC pre-read (Q4)", "Agenda, decisions, risks",
                        "GOVERNANCE", "TASK", 5, LocalDate.of(2026, 12, 1), "READY", "decision:d-17"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TARA).queryParam("allianceId", "ONC-HELIX").queryParam("discipline", "GOVERNANCE")
                        .queryParam("limit", 200)
                        .when().get("/api/sprint-candidates")
                        .then().statusCode(200).body("items.find { it.itemId == '" + itemId + "' }.title",
                                equalTo("Assemble JSC pre-read (Q4)")));

        String team = Fixtures.team(unique("Governance Operations"), null);
        String sprint = Fixtures.sprint(team);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(Map.of("itemId", itemId))
                .when().post("/api/sprints/" + sprint + "/items")
                .then().statusCode(201).body("card.estimate", equalTo(5));

        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint + "/board")
                .then().statusCode(200)
                .body("lanes", hasSize(1))
                .body("lanes[0].key", equalTo("ONC-HELIX"))
                .body("lanes[0].title", equalTo("Helix oncology co-development"))
                .body("lanes[0].columns.TODO[0].id", equalTo(itemId))
                .body("lanes[0].columns.TODO[0].title", equalTo("Assemble JSC pre-read (Q4)"))
                .body("lanes[0].columns.TODO[0].allianceName", equalTo("Helix oncology co-development"))
                .body("planning.committedPoints", equalTo(5));
        given().auth().oauth2(TARA).queryParam("limit", 200).when().get("/api/sprint-candidates")
                .then().body("items.itemId", not(hasItem(itemId)));
    }

    @Test
    void planningViewFiltersSortsAndPages() {
        String discipline = "PAGING_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String corvid = UUID.randomUUID().toString();
        Fixtures.publishEvents(
                created(third, "ONC-HELIX", discipline, null, LocalDate.of(2026, 12, 1)),
                created(first, "ONC-HELIX", discipline, "a", LocalDate.of(2026, 12, 20)),
                created(second, "CDX-QUANTIA", discipline, "b", null),
                created(corvid, "LIC-CORVID", discipline, "a0", LocalDate.of(2026, 11, 30)),
                new BacklogItemRanked(third, "ONC-HELIX", "c"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TARA).queryParam("discipline", discipline)
                        .when().get("/api/sprint-candidates")
                        .then().statusCode(200).body("items.rank", contains("a", "b", "c")));

        var page = given().auth().oauth2(TARA).queryParam("discipline", discipline).queryParam("limit", 2)
                .when().get("/api/sprint-candidates")
                .then().statusCode(200).body("items.itemId", contains(first, second)).extract();
        given().auth().oauth2(TARA).queryParam("discipline", discipline).queryParam("limit", 2)
                .queryParam("after", (String) page.path("next"))
                .when().get("/api/sprint-candidates")
                .then().statusCode(200).body("items.itemId", contains(third)).body("next", nullValue());

        var byDue = given().auth().oauth2(TARA).queryParam("discipline", discipline).queryParam("sort", "dueDate")
                .queryParam("limit", 1).when().get("/api/sprint-candidates")
                .then().statusCode(200).body("items.itemId", contains(third)).extract();
        given().auth().oauth2(TARA).queryParam("discipline", discipline).queryParam("sort", "dueDate")
                .queryParam("limit", 5).queryParam("after", (String) byDue.path("next"))
                .when().get("/api/sprint-candidates")
                .then().statusCode(200).body("items.itemId", contains(first, second));

        given().auth().oauth2(TARA).queryParam("discipline", discipline).queryParam("allianceId", "CDX-QUANTIA")
                .when().get("/api/sprint-candidates").then().body("items.itemId", contains(second));
        // need-to-know: nora sees only Corvid's item, sven (Helix, Norvane) only Helix's
        given().auth().oauth2(NORA).queryParam("discipline", discipline).when().get("/api/sprint-candidates")
                .then().statusCode(200).body("items.itemId", contains(corvid));
        given().auth().oauth2(SVEN).queryParam("discipline", discipline).when().get("/api/sprint-candidates")
                .then().statusCode(200).body("items.itemId", contains(first, third));
        given().auth().oauth2(ALEX).queryParam("discipline", discipline).queryParam("allianceId", "LIC-CORVID")
                .when().get("/api/sprint-candidates").then().statusCode(200).body("items", hasSize(0));

        given().when().get("/api/sprint-candidates").then().statusCode(401);
        given().auth().oauth2(TARA).queryParam("sort", "title").when().get("/api/sprint-candidates")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().auth().oauth2(TARA).queryParam("teamId", "nope").when().get("/api/sprint-candidates")
                .then().statusCode(400);
        given().auth().oauth2(TARA).queryParam("after", "bm9wZQ").when().get("/api/sprint-candidates")
                .then().statusCode(400);
        given().auth().oauth2(TARA).queryParam("teamId", UUID.randomUUID().toString())
                .when().get("/api/sprint-candidates").then().statusCode(404);
    }

    private static BacklogItemCreated created(String id, String alliance, String discipline, String rank,
                                              LocalDate due) {
        return new BacklogItemCreated(id, alliance, "Item " + rank, null, discipline, "TASK", 2, due, "READY", rank,
                null);
    }
}
