package io.entente.decision;

import io.entente.decision.service.DecisionJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.manager;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escalation up the ladder and risk over time, on a clock the test moves and jobs the test runs. */
@QuarkusTest
class EscalationAndRiskTest {

    static final String ALLIANCE = "T-ESC";
    static final String ALEX = manager(ALLIANCE);
    static final LocalDate START = TestClock.START.atZone(java.time.ZoneOffset.UTC).toLocalDate();

    @Inject
    DecisionJobs jobs;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void setUp() {
        TestClock.reset();
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    ExtractableResponse<Response> read(String id) {
        return given().auth().oauth2(ALEX).get("/api/decisions/" + id).then().statusCode(200).extract();
    }

    @Test
    void anOpenDecisionPastItsDueDateClimbsTheLadderOneStepAtATime() {
        String id = create(ALEX, body(ALLIANCE, "Manufacturing site choice", START.plusDays(7), 3, "JDC", false))
                .statusCode(201).extract().path("id");
        String draft = create(ALEX, body(ALLIANCE, "Draft never escalates", START.plusDays(7), 3, "JDC", true))
                .statusCode(201).extract().path("id");

        // On the due date itself nothing happens.
        TestClock.CLOCK.setDate(START.plusDays(7));
        jobs.escalateOverdue();
        assertEquals("OPEN", read(id).path("status"));

        // The day after: JDC -> JSC, 15 days to resolve it.
        TestClock.CLOCK.setDate(START.plusDays(8));
        assertTrue(jobs.escalateOverdue() >= 1);
        ExtractableResponse<Response> escalated = read(id);
        assertEquals("ESCALATED", escalated.path("status"));
        assertEquals("JSC", escalated.path("currentBody"));
        assertEquals("JDC", escalated.path("governanceBody"));
        assertEquals(1, (int) escalated.path("escalationLevel"));
        assertEquals(START.plusDays(8 + 15).toString(), escalated.path("respondBy"));
        assertEquals("OVERDUE", escalated.path("riskState"));
        assertEquals("DRAFT", read(draft).path("status"));
        String payload = lastPayload(id, "DecisionEscalated");
        assertTrue(payload.contains("\"fromBody\":\"JDC\"") && payload.contains("\"toBody\":\"JSC\"")
                && payload.contains("\"level\":1") && payload.contains("after its due date"), payload);

        // Running again the same day changes nothing: the job is idempotent.
        jobs.escalateOverdue();
        assertEquals(1, (int) read(id).path("escalationLevel"));
        assertEquals(1, count(id, "DecisionEscalated"));

        // JSC lets its 15 days pass: on to the executive sponsors.
        TestClock.CLOCK.setDate(START.plusDays(8 + 16));
        jobs.escalateOverdue();
        ExtractableResponse<Response> sponsors = read(id);
        assertEquals("EXECUTIVE_SPONSORS", sponsors.path("currentBody"));
        assertEquals(2, (int) sponsors.path("escalationLevel"));
        assertTrue(lastPayload(id, "DecisionEscalated").contains("not resolved by JSC"));

        // The top of the ladder has nowhere to go.
        TestClock.CLOCK.setDate(START.plusDays(60));
        jobs.escalateOverdue();
        assertEquals(2, (int) read(id).path("escalationLevel"));
        assertEquals(2, count(id, "DecisionEscalated"));

        // The sponsors decide.
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", read(id).header("ETag"))
                .body("{\"chosenOption\":\"A\",\"rationale\":\"Sponsors chose the partner's site\"}")
                .post("/api/decisions/" + id + "/decide").then().statusCode(200);
        TestClock.CLOCK.setDate(START.plusDays(90));
        jobs.escalateOverdue();
        jobs.reassessRisk();
        assertEquals("DECIDED", read(id).path("status"));
    }

    @Test
    void anAllianceLadderDecidesWhereAMatterGoes() {
        String alliance = "T-ESC-LADDER";
        DecisionFixtures.registerAlliance(bootstrap, alliance);
        String token = manager(alliance);
        String etag = given().auth().oauth2(token).get("/api/escalation-ladders/" + alliance).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"steps\":[{\"body\":\"FINANCE\",\"days\":5},{\"body\":\"EXECUTIVE_SPONSORS\",\"days\":7}]}")
                .put("/api/escalation-ladders/" + alliance).then().statusCode(200);
        String id = create(token, body(alliance, "Cost overrun share", START.plusDays(5), 2, "FINANCE", false))
                .statusCode(201).extract().path("id");
        TestClock.CLOCK.setDate(START.plusDays(6));
        jobs.escalateOverdue();
        ExtractableResponse<Response> escalated = given().auth().oauth2(token).get("/api/decisions/" + id).then()
                .statusCode(200).extract();
        assertEquals("EXECUTIVE_SPONSORS", escalated.path("currentBody"));
        assertEquals(START.plusDays(13).toString(), escalated.path("respondBy"));
    }

    @Test
    void riskMovesWithTheCalendarAndOnlyStateChangesAreNewVersions() {
        // Due in 40 days, 10 days lead time: prep deadline in 30 days, far enough to be on track without prep.
        String id = create(ALEX, body(ALLIANCE, "Co-promotion split", START.plusDays(40), 10))
                .statusCode(201).extract().path("id");
        assertEquals("ON_TRACK", read(id).path("riskState"));

        // 13 days before the prep deadline nothing is in a sprint: at risk.
        TestClock.CLOCK.setDate(START.plusDays(17));
        jobs.reassessRisk();
        ExtractableResponse<Response> atRisk = read(id);
        assertEquals("AT_RISK", atRisk.path("riskState"));
        assertEquals("no prep items yet, prep deadline " + START.plusDays(30) + " in 13 days; none in a sprint",
                atRisk.path("riskReason"));
        String payload = lastPayload(id, "DecisionRiskChanged");
        assertTrue(payload.contains("\"fromState\":\"ON_TRACK\"") && payload.contains("\"toState\":\"AT_RISK\""),
                payload);

        // A day later only the words change: same state, same version, so an editor's ETag stays valid.
        TestClock.CLOCK.setDate(START.plusDays(18));
        jobs.reassessRisk();
        ExtractableResponse<Response> dayLater = read(id);
        assertEquals(atRisk.header("ETag"), dayLater.header("ETag"));
        assertTrue(((String) dayLater.path("riskReason")).contains("in 12 days"));
        assertEquals(2, count(id, "DecisionRiskChanged"));

        TestClock.CLOCK.setDate(START.plusDays(41));
        jobs.reassessRisk();
        assertEquals("OVERDUE", read(id).path("riskState"));
        assertEquals(3, count(id, "DecisionRiskChanged"));
    }

    private String lastPayload(String id, String type) {
        List<?> rows = em.createNativeQuery("select payload from outbox_event where aggregate_id = ?1 and "
                + "event_type = ?2 order by id desc").setParameter(1, id).setParameter(2, "io.entente." + type)
                .getResultList();
        return rows.isEmpty() ? "" : (String) rows.get(0);
    }

    private int count(String id, String type) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1 and "
                + "event_type = ?2").setParameter(1, id).setParameter(2, "io.entente." + type).getSingleResult())
                .intValue();
    }
}
