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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.entente.decision.DecisionFixtures.ADMIN;
import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.manager;
import static io.entente.decision.DecisionFixtures.stakeholder;
import static io.entente.decision.DecisionFixtures.teamMember;
import static io.entente.decision.DecisionFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision API: create, read, list, the status machine, supersede, ladders; and who may do what. */
@QuarkusTest
class DecisionApiTest {

    static final String ALLIANCE = "T-API";
    static final String OTHER = "T-API-OTHER";
    static final String ALEX = manager(ALLIANCE);
    static final String SVEN = stakeholder(ALLIANCE);
    static final String TARA = teamMember(ALLIANCE);
    static final String NORA = manager(OTHER);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void alliances() {
        TestClock.reset();
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
        DecisionFixtures.registerAlliance(bootstrap, OTHER);
    }

    String open(String title) {
        return create(ALEX, body(ALLIANCE, title, today().plusWeeks(4), 10)).statusCode(201)
                .extract().path("id");
    }

    static String etag(String id) {
        return given().auth().oauth2(ALEX).get("/api/decisions/" + id).then().statusCode(200).extract()
                .header("ETag");
    }

    static ExtractableResponse<Response> act(String id, String action, String ifMatch, String json) {
        var request = given().auth().oauth2(ALEX).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(json == null ? "{}" : json).post("/api/decisions/" + id + "/" + action).then().extract();
    }

    @Test
    void openingADecisionIsAuditedAndPublishesDecisionOpenedWithItsRisk() {
        ExtractableResponse<Response> created = create(ALEX, body(ALLIANCE, "Phase 3 dose", today().plusWeeks(4), 10))
                .statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", containsString("/api/decisions/"))
                .body("status", equalTo("OPEN"))
                .body("governanceBody", equalTo("JSC"))
                .body("prepDeadline", equalTo(today().plusWeeks(4).minusDays(10).toString()))
                .body("riskState", equalTo("ON_TRACK"))
                .body("riskReason", containsString("no prep items yet"))
                .body("options", hasSize(2))
                .body("internalNotes", containsString("tox study"))
                .extract();
        String id = created.path("id");

        assertEquals(List.of("DecisionOpened", "DecisionRiskChanged"), outboxTypes(id));
        String payload = (String) em.createNativeQuery("select payload from outbox_event where aggregate_id = ?1 "
                + "and event_type = 'io.entente.DecisionOpened'").setParameter(1, id).getSingleResult();
        assertTrue(payload.contains("\"leadTimeDays\":10") && payload.contains("\"dueDate\":\"" + today().plusWeeks(4))
                && payload.contains("\"governanceBody\":\"JSC\""), payload);
        Number audits = (Number) em.createNativeQuery("select count(*) from audit_log where aggregate_id = ?1 "
                + "and actor = 'alex' and action = 'io.entente.DecisionOpened'").setParameter(1, id).getSingleResult();
        assertEquals(1, audits.intValue());

        // Our stakeholder reads the negotiation position; the partner company's people read the decision without it.
        given().auth().oauth2(SVEN).get("/api/decisions/" + id).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("title", equalTo("Phase 3 dose"))
                .body("internalNotes", notNullValue());
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances(ALLIANCE).sign())
                .get("/api/decisions/" + id).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("title", equalTo("Phase 3 dose"))
                .body("internalNotes", nullValue());
        given().auth().oauth2(TARA).get("/api/decisions/" + id).then().statusCode(200)
                .body("internalNotes", notNullValue());
    }

    @Test
    void badInputIsA400ProblemAndNothingIsWritten() {
        Number before = (Number) em.createNativeQuery("select count(*) from decision").getSingleResult();
        create(ALEX, body(ALLIANCE, "x", today().plusWeeks(4), 10).replace("\"question\":\"Which dose do we take "
                + "into phase 3?\",", "")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("question"));
        create(ALEX, body(ALLIANCE, "x", today().minusYears(2), 10)).statusCode(400)
                .body("errors.field", hasItem("dueDate"));
        create(ALEX, body(ALLIANCE, "x", today().plusYears(6), 10)).statusCode(400)
                .body("detail", containsString("check the year"));
        create(ALEX, body(ALLIANCE, "x", today().plusWeeks(4), 10).replace("\"key\":\"B\"", "\"key\":\"A\""))
                .statusCode(400).body("detail", containsString("used twice"));
        create(ALEX, body(ALLIANCE, "x", today().plusWeeks(4), 10).replace(
                ",\n            {\"key\":\"B\",\"title\":\"High dose\",\"pros\":\"Efficacy\",\"cons\":\"Tox signal\"}",
                "")).statusCode(400).body("detail", containsString("at least two options"));
        create(ALEX, body(ALLIANCE, "x", today().plusWeeks(4), 10).replace("\"JSC\"", "\"BOARD\""))
                .statusCode(400).contentType("application/problem+json");
        create(ALEX, body(ALLIANCE, "x", today().plusWeeks(4), 10).replace("\"draft\":false",
                "\"draft\":false,\"status\":\"DECIDED\"")).statusCode(400)
                .body("detail", containsString("unknown field 'status'"));
        create(ALEX, body(ALLIANCE, "x", today().plusWeeks(4), 400)).statusCode(400)
                .body("errors.field", hasItem("leadTimeDays"));
        Number after = (Number) em.createNativeQuery("select count(*) from decision").getSingleResult();
        assertEquals(before.longValue(), after.longValue());
    }

    @Test
    void aCreateWithAFieldTheRequestDoesNotDefineIsRefusedAndStoresNothing() {
        String title = "Unknown field " + UUID.randomUUID();
        create(ALEX, body(ALLIANCE, title, today().plusWeeks(4), 10).replace("\"draft\":false",
                "\"draft\":false,\"admin\":true")).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown field 'admin'"));
        Number stored = (Number) em.createNativeQuery("select count(*) from decision where title = ?1")
                .setParameter(1, title).getSingleResult();
        assertEquals(0, stored.intValue());
        Number published = (Number) em.createNativeQuery("select count(*) from outbox_event where cast(payload as text) like ?1")
                .setParameter(1, "%" + title + "%").getSingleResult();
        assertEquals(0, published.intValue());
    }

    @Test
    void aDecisionRecordedAfterItsDueDateIsOverdueAtOnce() {
        create(ALEX, body(ALLIANCE, "Brought over from the tracker", today().minusDays(3), 5)).statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("riskState", equalTo("OVERDUE"))
                .body("riskReason", containsString("3 days ago and not decided"));
    }

    @Test
    void createNeedsATokenAChangingRoleAndTheAlliance() {
        String json = body(ALLIANCE, "x", today().plusWeeks(4), 10);
        given().contentType(ContentType.JSON).body(json).post("/api/decisions").then().statusCode(401);
        create(SVEN, json).statusCode(403).contentType("application/problem+json");
        create(TARA, json).statusCode(403);
        create(NORA, json).statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(ALLIANCE));
        // An alliance the user belongs to but this service has never heard of.
        create(manager("T-UNKNOWN"), body("T-UNKNOWN", "x", today().plusWeeks(4), 10)).statusCode(404);
    }

    @Test
    void readsAreNeedToKnow() {
        String id = open("Need to know");
        given().get("/api/decisions/" + id).then().statusCode(401);
        given().auth().oauth2(NORA).get("/api/decisions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ALEX).get("/api/decisions/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(NORA).get("/api/decisions?allianceId=" + ALLIANCE).then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(ADMIN).get("/api/decisions/" + id).then().statusCode(200);
    }

    @Test
    void statusMachineProposeThenDecideThenFinal() {
        String id = open("Go / no-go for the JCC");
        assertEquals(428, act(id, "propose", null, "{\"proposedOption\":\"B\"}").statusCode());
        assertEquals(412, act(id, "propose", "\"999\"", "{\"proposedOption\":\"B\"}").statusCode());
        ExtractableResponse<Response> unknown = act(id, "propose", etag(id), "{\"proposedOption\":\"Z\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().asString().contains("not one of the options [A, B]"));

        ExtractableResponse<Response> proposed = act(id, "propose", etag(id),
                "{\"proposedOption\":\"B\",\"summary\":\"Efficacy outweighs the tox signal\"}");
        assertEquals(200, proposed.statusCode());
        assertEquals("PROPOSED", proposed.path("status"));
        assertEquals("B", proposed.path("proposal.option"));

        ExtractableResponse<Response> decided = act(id, "decide", proposed.header("ETag"),
                "{\"chosenOption\":\"B\",\"rationale\":\"JSC accepted the tox mitigation plan\"}");
        assertEquals(200, decided.statusCode());
        assertEquals("DECIDED", decided.path("status"));
        assertEquals("alex", decided.path("outcome.decidedBy"));
        assertEquals("B", decided.path("outcome.chosenOption"));
        assertNull(decided.path("riskState"));

        for (String action : List.of("propose", "decide", "withdraw", "open")) {
            ExtractableResponse<Response> refused = act(id, action, decided.header("ETag"),
                    action.equals("propose") ? "{\"proposedOption\":\"A\"}"
                            : action.equals("decide") ? "{\"chosenOption\":\"A\",\"rationale\":\"again\"}"
                            : action.equals("withdraw") ? "{\"reason\":\"changed mind\"}" : "{}");
            assertEquals(409, refused.statusCode(), action);
            assertTrue(refused.body().asString().contains("supersedes"), action);
        }
        assertEquals(List.of("DecisionOpened", "DecisionRiskChanged", "DecisionProposed", "DecisionDecided"),
                outboxTypes(id));
    }

    @Test
    void draftsAreEditedThenOpened() {
        String id = create(ALEX, body(ALLIANCE, "Draft question", today().plusWeeks(6), 14, "JDC", true))
                .statusCode(201).body("status", equalTo("DRAFT")).body("riskState", nullValue())
                .extract().path("id");
        assertEquals(List.of(), outboxTypes(id));

        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(body(ALLIANCE, "Draft question v2", today().plusWeeks(6), 14, "JDC", true))
                .put("/api/decisions/" + id).then().statusCode(428);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"42\"")
                .body(body(ALLIANCE, "Draft question v2", today().plusWeeks(6), 14, "JDC", true))
                .put("/api/decisions/" + id).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(body(ALLIANCE, "Draft question v2", today().plusWeeks(6), 14, "JDC", true))
                .put("/api/decisions/" + id).then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(body(ALLIANCE, "Draft question v2", today().plusWeeks(6), 14, "JDC", true))
                .put("/api/decisions/" + id).then().statusCode(404);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(body(ALLIANCE, "", today().plusWeeks(6), 14, "JDC", true))
                .put("/api/decisions/" + id).then().statusCode(400).body("errors.field", hasItem("title"));
        String edited = given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(body(ALLIANCE, "Draft question v2", today().plusWeeks(6), 14, "JDC", true))
                .put("/api/decisions/" + id).then().statusCode(200).body("title", equalTo("Draft question v2"))
                .extract().header("ETag");

        ExtractableResponse<Response> opened = act(id, "open", edited, null);
        assertEquals(200, opened.statusCode());
        assertEquals("OPEN", opened.path("status"));
        assertEquals(List.of("DecisionOpened", "DecisionRiskChanged"), outboxTypes(id));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", opened.header("ETag"))
                .body(body(ALLIANCE, "Draft question v3", today().plusWeeks(6), 14, "JDC", true))
                .put("/api/decisions/" + id).then().statusCode(409).body("detail", containsString("only a draft"));
    }

    @Test
    void deferMovesTheDueDateAndWithdrawEndsIt() {
        String id = open("Budget reallocation");
        assertEquals(400, act(id, "defer", etag(id), "{\"newDueDate\":\"" + today() + "\",\"reason\":\"r\"}")
                .statusCode());
        assertEquals(400, act(id, "defer", etag(id), "{\"newDueDate\":\"" + today().plusWeeks(9) + "\"}")
                .statusCode());
        ExtractableResponse<Response> deferred = act(id, "defer", etag(id), "{\"newDueDate\":\""
                + today().plusWeeks(9) + "\",\"reason\":\"Waiting for the partner's budget cycle\"}");
        assertEquals(200, deferred.statusCode());
        assertEquals("DEFERRED", deferred.path("status"));
        assertEquals(today().plusWeeks(9).toString(), deferred.path("dueDate"));

        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", deferred.header("ETag"))
                .body("{\"reason\":\"x\"}").post("/api/decisions/" + id + "/withdraw").then().statusCode(403);
        ExtractableResponse<Response> withdrawn = act(id, "withdraw", deferred.header("ETag"),
                "{\"reason\":\"Superseded by the amended budget\"}");
        assertEquals(200, withdrawn.statusCode());
        assertEquals("WITHDRAWN", withdrawn.path("status"));
        assertEquals(List.of("DecisionOpened", "DecisionRiskChanged", "DecisionDeferred", "DecisionWithdrawn"),
                outboxTypes(id));
    }

    @Test
    void aDecidedDecisionIsSupersededByANewOneThatLinksBack() {
        String id = open("Territory split");
        assertEquals(409, supersede(id, etag(id)).statusCode());
        String decidedTag = act(id, "decide", etag(id), "{\"chosenOption\":\"A\",\"rationale\":\"EU to us\"}")
                .header("ETag");

        assertEquals(412, supersede(id, "\"0\"").statusCode());
        assertEquals(428, supersede(id, null).statusCode());
        ExtractableResponse<Response> replaced = supersede(id, decidedTag);
        assertEquals(201, replaced.statusCode());
        String newId = replaced.path("id");
        assertEquals(id, replaced.path("supersedesId"));
        assertEquals("OPEN", replaced.path("status"));
        assertTrue(replaced.header("Location").endsWith("/api/decisions/" + newId));

        given().auth().oauth2(ALEX).get("/api/decisions/" + id).then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("supersededById", equalTo(newId))
                .body("outcome.chosenOption", equalTo("A"));
        assertEquals(409, supersede(id, etag(id)).statusCode());
        String payload = (String) em.createNativeQuery("select payload from outbox_event where aggregate_id = ?1 "
                + "and event_type = 'io.entente.DecisionOpened'").setParameter(1, newId).getSingleResult();
        assertTrue(payload.contains("\"supersedesDecisionId\":\"" + id + "\""), payload);
    }

    @Test
    void listIsPagedSortedAndFiltered() {
        String alliance = "T-API-LIST";
        DecisionFixtures.registerAlliance(bootstrap, alliance);
        String token = manager(alliance);
        List<String> created = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            created.add(create(token, body(alliance, "List " + i, today().plusWeeks(i), 3, i % 2 == 0 ? "JDC" : "JSC",
                    false)).statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("allianceId", alliance).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            ExtractableResponse<Response> page = request.get("/api/decisions").then().statusCode(200).extract();
            seen.addAll(page.path("items.title"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(List.of("List 1", "List 2", "List 3", "List 4", "List 5"), seen);

        given().auth().oauth2(token).queryParam("allianceId", alliance).queryParam("sort", "-dueDate")
                .queryParam("limit", 1).get("/api/decisions").then().statusCode(200)
                .body("items[0].title", equalTo("List 5")).body("next", notNullValue());
        given().auth().oauth2(token).queryParam("allianceId", alliance).queryParam("body", "JDC")
                .get("/api/decisions").then().statusCode(200)
                .body("items", hasSize(2)).body("items.governanceBody", everyItem(equalTo("JDC")));
        given().auth().oauth2(token).queryParam("status", "decided").queryParam("allianceId", alliance)
                .get("/api/decisions").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(token).queryParam("limit", 500).get("/api/decisions").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("sort", "title").get("/api/decisions").then().statusCode(400);
        given().auth().oauth2(token).queryParam("status", "PENDING").get("/api/decisions").then().statusCode(400)
                .body("detail", containsString("DRAFT"));
        given().auth().oauth2(token).queryParam("after", "garbage").get("/api/decisions").then().statusCode(400);
        given().get("/api/decisions").then().statusCode(401);
        assertEquals(5, created.size());
    }

    @Test
    void escalationLadderIsReadAndReplacedWithOptimisticLocking() {
        String url = "/api/escalation-ladders/" + ALLIANCE;
        ExtractableResponse<Response> ladder = given().auth().oauth2(SVEN).get(url).then().statusCode(200)
                .body("steps.body", equalTo(List.of("JDC", "JSC", "EXECUTIVE_SPONSORS")))
                .extract();
        given().get(url).then().statusCode(401);
        given().auth().oauth2(NORA).get(url).then().statusCode(404);
        String steps = "{\"steps\":[{\"body\":\"JDC\",\"days\":10},{\"body\":\"JSC\",\"days\":20},"
                + "{\"body\":\"EXECUTIVE_SPONSORS\",\"days\":15}]}";
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", ladder.header("ETag"))
                .body(steps).put(url).then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", ladder.header("ETag"))
                .body(steps).put(url).then().statusCode(404);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(steps).put(url).then().statusCode(428);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", ladder.header("ETag"))
                .body("{\"steps\":[{\"body\":\"JSC\",\"days\":10},{\"body\":\"JSC\",\"days\":20}]}")
                .put(url).then().statusCode(400).body("detail", containsString("twice"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", ladder.header("ETag"))
                .body("{\"steps\":[]}").put(url).then().statusCode(400);
        String changed = given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .header("If-Match", ladder.header("ETag")).body(steps).put(url).then().statusCode(200)
                .body("steps[1].days", equalTo(20)).extract().header("ETag");
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", ladder.header("ETag"))
                .body(steps).put(url).then().statusCode(412);
        // Put the default back for the other tests of this alliance.
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", changed)
                .body("{\"steps\":[{\"body\":\"JDC\",\"days\":10},{\"body\":\"JSC\",\"days\":15},"
                        + "{\"body\":\"EXECUTIVE_SPONSORS\",\"days\":10}]}").put(url).then().statusCode(200);
    }

    @Test
    void everyActionRefusesStakeholdersStrangersAndAnonymous() {
        String id = open("Access checks");
        String tag = etag(id);
        for (String action : List.of("open", "propose", "decide", "defer", "withdraw", "supersede")) {
            String path = "/api/decisions/" + id + "/" + action;
            // Any role may be named approver, so deciding is refused by who the caller is, not by role.
            String json = action.equals("decide") ? "{\"chosenOption\":\"A\",\"rationale\":\"x\"}" : "{}";
            given().contentType(ContentType.JSON).header("If-Match", tag).body(json).post(path).then()
                    .statusCode(401);
            given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", tag).body(json).post(path)
                    .then().statusCode(403);
            given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", tag).body(json).post(path)
                    .then().statusCode(403);
        }
        String valid = "{\"reason\":\"x\"}";
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", tag).body(valid)
                .post("/api/decisions/" + id + "/withdraw").then().statusCode(404);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"chosenOption\":\"A\",\"rationale\":\"x\"}")
                .post("/api/decisions/" + id + "/decide").then().statusCode(404);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"chosenOption\":\"A\"}").post("/api/decisions/" + id + "/decide").then().statusCode(400)
                .body("errors.field", hasItem("rationale"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"77\"")
                .body("{\"newDueDate\":\"" + today().plusWeeks(8) + "\",\"reason\":\"x\"}")
                .post("/api/decisions/" + id + "/defer").then().statusCode(412);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"77\"").body(valid)
                .post("/api/decisions/" + id + "/withdraw").then().statusCode(412);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", tag).body(valid)
                .post("/api/decisions/" + UUID.randomUUID() + "/withdraw").then().statusCode(404);
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/decisions/upcoming"))
                .body(containsString("/api/calendar-feeds"))
                .body(containsString("/calendar/{secret}.ics"));
    }

    private ExtractableResponse<Response> supersede(String id, String ifMatch) {
        var request = given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(body(ALLIANCE, "Territory split (revised)", today().plusWeeks(5), 10));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/decisions/" + id + "/supersede").then().extract();
    }

    @SuppressWarnings("unchecked")
    private List<String> outboxTypes(String aggregateId) {
        List<String> types = em.createNativeQuery("select event_type from outbox_event where aggregate_id = ?1 "
                + "order by id").setParameter(1, aggregateId).getResultList();
        return types.stream().map(t -> t.substring("io.entente.".length())).toList();
    }
}
