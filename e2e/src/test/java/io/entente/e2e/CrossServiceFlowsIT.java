package io.entente.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Flows that cross services over the real broker, against the packaged jars with real Keycloak tokens: what one
 * service commits reaches the others through its outbox and Kafka, never through their databases.
 */
@ExtendWith(Stack.class)
class CrossServiceFlowsIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @Test
    void aBacklogItemReachesTheSprintServiceReadModel() {
        String id = given().auth().oauth2(Keycloak.token("alex")).contentType(ContentType.JSON)
                .body("""
                        {"allianceId":"ONC-HELIX","title":"E2E: reconcile Q4 milestone payment","discipline":"FINANCE",
                         "type":"TASK","estimate":2}""")
                .post(Stack.BACKLOG + "/api/backlog-items")
                .then().statusCode(201).extract().path("id");

        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(Keycloak.token("tara"))
                .get(Stack.SPRINT + "/api/sprint-candidates/" + id)
                .then().statusCode(200).body("title", equalTo("E2E: reconcile Q4 milestone payment")));
        // nora belongs to LIC-CORVID only: the copy in the sprint service keeps need-to-know.
        given().auth().oauth2(Keycloak.token("nora")).get(Stack.SPRINT + "/api/sprint-candidates/" + id)
                .then().statusCode(404);
    }

    /**
     * The decision loop across four real services: a decision opened in decision-service makes backlog-service
     * create its prep items; sprint-service sees them; a team commits one and finishes it on the board; the decision
     * service counts it done. Nothing but Kafka connects them.
     */
    @Test
    void anOpenedDecisionGetsPrepItemsThatATeamCompletes() {
        String decisionId = openDecision("E2E: choose the phase 3 comparator");
        List<Map<String, Object>> prep = await().atMost(PROPAGATION).until(() -> given()
                .auth().oauth2(Keycloak.token("gwen"))
                .queryParam("sourceRef", "decision:" + decisionId).queryParam("limit", 50)
                .get(Stack.BACKLOG + "/api/backlog-items").then().statusCode(200)
                .extract().<List<Map<String, Object>>>path("items"), items -> items.size() >= 3);
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(Keycloak.token("gwen"))
                .get(Stack.DECISION + "/api/decisions/" + decisionId)
                .then().statusCode(200).body("prep.total", equalTo(prep.size())));

        // Governance Operations (gwen leads it) serves the governance and project-management prep work.
        String teamId = given().auth().oauth2(Keycloak.token("gwen")).queryParam("member", "gwen")
                .get(Stack.SPRINT + "/api/teams").then().statusCode(200)
                .extract().path("items.find { it.disciplines.contains('GOVERNANCE') }.id");
        String sprintId = given().auth().oauth2(Keycloak.token("gwen")).queryParam("teamId", teamId)
                .queryParam("state", "ACTIVE").get(Stack.SPRINT + "/api/sprints").then().statusCode(200)
                .extract().path("items[0].id");
        Map<String, Object> item = prep.stream()
                .filter(i -> List.of("GOVERNANCE", "PROJECT_MANAGEMENT").contains(i.get("discipline")))
                .findFirst().orElseThrow(() -> new AssertionError("no governance prep item in " + prep));
        String itemId = (String) item.get("id");
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(Keycloak.token("gwen"))
                .get(Stack.SPRINT + "/api/sprint-candidates/" + itemId).then().statusCode(200));

        given().auth().oauth2(Keycloak.token("gwen")).contentType(ContentType.JSON)
                .body(Map.of("itemId", itemId, "overrideCapacity", true, "reason", "e2e: decision prep first"))
                .post(Stack.SPRINT + "/api/sprints/" + sprintId + "/items").then().statusCode(201);
        String card = Stack.SPRINT + "/api/sprints/" + sprintId + "/items/" + itemId;
        String etag = given().auth().oauth2(Keycloak.token("gwen")).get(card).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(Keycloak.token("gwen")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("column", "DONE")).put(card).then().statusCode(200);

        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(Keycloak.token("gwen"))
                .get(Stack.DECISION + "/api/decisions/" + decisionId)
                .then().statusCode(200).body("prep.done", greaterThanOrEqualTo(1)));
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(Keycloak.token("gwen"))
                .get(Stack.BACKLOG + "/api/backlog-items/" + itemId)
                .then().statusCode(200).body("status", equalTo("DONE")));
    }

    /**
     * Minutes close the loop: a decision taken in a meeting (governance-service) becomes DECIDED in
     * decision-service, and an action item from the same meeting becomes a backlog item.
     */
    @Test
    void aMeetingOutcomeDecidesTheDecisionAndItsActionItemReachesTheBacklog() {
        String decisionId = openDecision("E2E: approve the 2027 publication plan");
        String gwen = Keycloak.token("gwen");
        ExtractableResponse<Response> body = given().auth().oauth2(gwen).queryParam("allianceId", "ONC-HELIX")
                .queryParam("type", "JDC").get(Stack.GOVERNANCE + "/api/governance-bodies")
                .then().statusCode(200).extract();
        String bodyId = body.path("items[0].id");
        List<Map<String, Object>> members = body.path("items[0].members");
        assertFalse(members.isEmpty(), "the demo JDC has members");

        // A meeting that took place an hour ago, so that its minutes can be written.
        ExtractableResponse<Response> meeting = given().auth().oauth2(gwen).contentType(ContentType.JSON)
                .body(Map.of("bodyId", bodyId, "title", "E2E extraordinary JDC",
                        "startsAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString(),
                        "timeZone", "Europe/Zurich"))
                .post(Stack.GOVERNANCE + "/api/meetings").then().statusCode(201).extract();
        String meetingUrl = Stack.GOVERNANCE + "/api/meetings/" + meeting.path("id");
        String etag = meeting.header("ETag");

        etag = given().auth().oauth2(gwen).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("items", List.of(
                        Map.of("section", "Decisions", "title", "Publication plan", "durationMinutes", 20,
                                "purpose", "DECISION", "decisionId", decisionId),
                        Map.of("section", "Any other business", "title", "Congress logistics",
                                "durationMinutes", 10, "purpose", "DISCUSSION"))))
                .put(meetingUrl + "/agenda").then().statusCode(200).extract().header("ETag");
        List<String> agendaIds = given().auth().oauth2(gwen).get(meetingUrl).then().statusCode(200)
                .extract().path("agenda.id");
        etag = given().auth().oauth2(gwen).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("attendance", members.stream().map(m -> Map.of("name", m.get("name"),
                        "organisation", m.get("organisation"), "side", m.get("side"), "present", true))
                        .collect(Collectors.toList())))
                .put(meetingUrl + "/attendance").then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(gwen).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("agendaItemId", agendaIds.get(0), "type", "DECISION_MADE", "chosenOption", "A",
                        "rationale", "Primary congress first; the partner agreed to the embargo dates."))
                .post(meetingUrl + "/outcomes").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(gwen).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("agendaItemId", agendaIds.get(1), "type", "ACTION_ITEM",
                        "actionTitle", "E2E: book the congress satellite slot", "owner", "tara",
                        "dueDate", LocalDate.now().plusDays(14).toString()))
                .post(meetingUrl + "/outcomes").then().statusCode(200);

        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(Keycloak.token("alex"))
                .get(Stack.DECISION + "/api/decisions/" + decisionId).then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("outcome.chosenOption", equalTo("A"))
                .body("outcome.meetingId", equalTo(meeting.path("id"))));
        String actionItemId = given().auth().oauth2(gwen).queryParam("meetingId", (String) meeting.path("id"))
                .get(Stack.GOVERNANCE + "/api/action-items").then().statusCode(200).extract().path("items[0].id");
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(Keycloak.token("tara"))
                .queryParam("sourceRef", "action-item:" + actionItemId)
                .get(Stack.BACKLOG + "/api/backlog-items").then().statusCode(200)
                .body("items[0].title", equalTo("E2E: book the congress satellite slot"))
                .body("items[0].type", equalTo("ACTION_ITEM")));
    }

    private static String openDecision(String title) {
        return given().auth().oauth2(Keycloak.token("alex")).contentType(ContentType.JSON)
                .body(Map.of("allianceId", "ONC-HELIX", "title", title,
                        "question", "Which option do we take to the committee?",
                        "options", List.of(Map.of("key", "A", "title", "Option A", "pros", "faster", "cons", "cost"),
                                Map.of("key", "B", "title", "Option B", "pros", "cheaper", "cons", "slower")),
                        "governanceBody", "JDC", "dueDate", LocalDate.now().plusDays(40).toString(),
                        "leadTimeDays", 10, "driver", "alex", "approver", "body:JSC"))
                .post(Stack.DECISION + "/api/decisions").then().statusCode(201).extract().path("id");
    }
}
