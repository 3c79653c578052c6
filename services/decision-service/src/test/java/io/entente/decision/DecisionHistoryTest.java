package io.entente.decision;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A decision's history: who changed what and when, paged, on a need-to-know basis. */
@QuarkusTest
class DecisionHistoryTest {

    static final String ALLIANCE = "T-HIST";
    static final String OTHER = "T-HIST-OTHER";
    static final String ALEX = DecisionFixtures.manager(ALLIANCE);
    static final String SVEN = DecisionFixtures.stakeholder(ALLIANCE);
    static final String NORA = DecisionFixtures.manager(OTHER);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @BeforeEach
    void alliances() {
        TestClock.reset();
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
        DecisionFixtures.registerAlliance(bootstrap, OTHER);
    }

    static ExtractableResponse<Response> send(String method, String path, String ifMatch, String json) {
        return given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", ifMatch).body(json)
                .request(method, path).then().extract();
    }

    @Test
    void theHistoryShowsEachChangeNewestFirstAndHidesInternalNotesFromStakeholders() {
        String draftJson = body(ALLIANCE, "History draft", today().plusWeeks(4), 10, "JSC", true);
        ExtractableResponse<Response> draft = create(ALEX, draftJson).statusCode(201).extract();
        String id = draft.path("id");
        ExtractableResponse<Response> edited = send("PUT", "/api/decisions/" + id, draft.header("ETag"),
                draftJson.replace("We can accept B", "We now accept B"));
        assertEquals(200, edited.statusCode(), edited.asString());
        ExtractableResponse<Response> opened = send("POST", "/api/decisions/" + id + "/open", edited.header("ETag"),
                "{}");
        assertEquals(200, opened.statusCode(), opened.asString());
        ExtractableResponse<Response> deferred = send("POST", "/api/decisions/" + id + "/defer",
                opened.header("ETag"), "{\"newDueDate\":\"" + today().plusWeeks(8) + "\",\"reason\":\"Data late\"}");
        assertEquals(200, deferred.statusCode(), deferred.asString());

        ExtractableResponse<Response> all = given().auth().oauth2(ALEX).get("/api/decisions/" + id + "/history")
                .then().statusCode(200)
                .body("items[0].action", equalTo("DecisionDeferred"))
                .body("items[0].reason", equalTo("Data late"))
                .body("items[0].actor", equalTo("alex"))
                .body("items[0].changes.field", hasItem("dueDate"))
                .body("items.find { it.action == 'DecisionDraftEdited' }.changes.field",
                        equalTo(List.of("internalNotes")))
                .extract();
        // Opening rates the risk: the service's own reassessment is a change of its own.
        assertEquals(List.of("DecisionDeferred", "DecisionOpened", "DecisionDraftEdited", "DecisionDrafted"),
                withoutRisk(all.path("items.action")));
        // Our stakeholder reads the internal notes' changes too; a history is never the partner company's.
        ExtractableResponse<Response> seen = given().auth().oauth2(SVEN).get("/api/decisions/" + id + "/history")
                .then().statusCode(200).body("items.changes.flatten().field", hasItem("internalNotes"))
                .extract();
        assertEquals(List.of("DecisionDeferred", "DecisionOpened", "DecisionDraftEdited", "DecisionDrafted"),
                withoutRisk(seen.path("items.action")));
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances(ALLIANCE).sign())
                .get("/api/decisions/" + id + "/history").then().statusCode(403);
        given().auth().oauth2(ALEX).queryParam("field", "dueDate").get("/api/decisions/" + id + "/history").then()
                .statusCode(200).body("items.action", equalTo(List.of("DecisionDeferred", "DecisionDrafted")));

        int total = all.path("items.size()");
        ExtractableResponse<Response> first = given().auth().oauth2(ALEX).queryParam("limit", total - 2)
                .get("/api/decisions/" + id + "/history").then().statusCode(200)
                .body("items.size()", equalTo(total - 2)).body("next", notNullValue()).extract();
        given().auth().oauth2(ALEX).queryParam("limit", 2).queryParam("after", (String) first.path("next"))
                .get("/api/decisions/" + id + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("DecisionDraftEdited", "DecisionDrafted")));

        given().auth().oauth2(NORA).get("/api/decisions/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(ALEX).queryParam("after", "garbage").get("/api/decisions/" + id + "/history").then()
                .statusCode(400);
    }

    static List<String> withoutRisk(List<String> actions) {
        return actions.stream().filter(a -> !a.equals("DecisionRiskChanged")).toList();
    }

    @Test
    void calendarFeedSecretsReachNoHistory() {
        String url = given().auth().oauth2(ALEX).post("/api/calendar-feeds").then().statusCode(201).extract()
                .path("url");
        String rotated = given().auth().oauth2(ALEX).post("/api/calendar-feeds").then().statusCode(201).extract()
                .path("url");
        String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        String secret2 = rotated.substring(rotated.lastIndexOf('/') + 1, rotated.length() - ".ics".length());
        Number leaks = (Number) em.createNativeQuery("select count(*) from audit_log where cast(before_state as text) "
                + "like :a or cast(after_state as text) like :a or cast(before_state as text) like :b "
                + "or cast(after_state as text) like :b").setParameter("a", "%" + secret + "%")
                .setParameter("b", "%" + secret2 + "%").getSingleResult();
        assertEquals(0, leaks.intValue());
        Number feedRows = (Number) em.createNativeQuery("select count(*) from audit_log where aggregate_type = "
                + "'calendar-feed' and aggregate_id = 'alex'").getSingleResult();
        assertTrue(feedRows.intValue() >= 2);
    }
}
