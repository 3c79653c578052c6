package io.entente.decision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.entente.platform.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DACI roles are references to users or bodies, and only the approver takes the decision. */
@QuarkusTest
class DaciTest {

    static final String ALLIANCE = "T-DACI";
    static final String ALEX = DecisionFixtures.manager(ALLIANCE);
    static final String MIRA = TestTokens.user("mira").roles("alliance-manager").alliances(ALLIANCE).sign();
    static final String GWEN = TestTokens.user("gwen").roles("governance-ops").alliances(ALLIANCE).sign();
    static final String SVEN = DecisionFixtures.stakeholder(ALLIANCE);
    static final String TARA = DecisionFixtures.teamMember(ALLIANCE);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void alliance() {
        TestClock.reset();
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
    }

    static String withApprover(String title, String approver) {
        return body(ALLIANCE, title, today().plusWeeks(4), 10).replace("\"user:alex\"", approver);
    }

    static ExtractableResponse<Response> decide(String token, String id) {
        String tag = given().auth().oauth2(ALEX).get("/api/decisions/" + id).then().statusCode(200).extract()
                .header("ETag");
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"chosenOption\":\"A\",\"rationale\":\"Safety first\"}")
                .post("/api/decisions/" + id + "/decide").then().extract();
    }

    @Test
    void approverAndContributorsMustBeReferences() {
        create(ALEX, withApprover("Free-text approver", "\"JSC co-chairs\"")).statusCode(400)
                .contentType(containsString("problem+json"))
                .body("errors.field", hasItem("approver"));
        create(ALEX, withApprover("Unknown body", "\"body:POLITBURO\"")).statusCode(400)
                .body("errors.field", hasItem("approver"));
        create(ALEX, withApprover("Bad user", "\"user:\"")).statusCode(400)
                .body("errors.field", hasItem("approver"));
        create(ALEX, body(ALLIANCE, "Bad contributor", today().plusWeeks(4), 10).replace("\"user:tara\"", "\"tara\""))
                .statusCode(400).body("errors.field", hasItem("contributors"));
        create(ALEX, body(ALLIANCE, "Bad informed", today().plusWeeks(4), 10).replace("\"user:sven\"", "\"sven\""))
                .statusCode(400).body("errors.field", hasItem("informed"));
    }

    @Test
    void onlyTheNamedUserDecides() {
        String id = create(ALEX, withApprover("Named approver", "\"user:mira\"")).statusCode(201).extract().path("id");
        for (String other : new String[] {ALEX, GWEN, TARA, SVEN}) {
            ExtractableResponse<Response> refused = decide(other, id);
            assertEquals(403, refused.statusCode(), refused.asString());
            assertTrue(refused.asString().contains("user:mira"), refused.asString());
        }
        given().auth().oauth2(ALEX).get("/api/decisions/" + id).then().body("status", equalTo("OPEN"));
        ExtractableResponse<Response> decided = decide(MIRA, id);
        assertEquals(200, decided.statusCode(), decided.asString());
        assertEquals("mira", decided.path("outcome.decidedBy"));
    }

    @Test
    void aStakeholderNamedApproverDecides() {
        String id = create(ALEX, withApprover("Sponsor decides", "\"user:sven\"")).statusCode(201).extract()
                .path("id");
        assertEquals(200, decide(SVEN, id).statusCode());
    }

    @Test
    void governanceOpsRecordACommitteeDecision() {
        String id = create(ALEX, withApprover("Committee decides", "\"body:JSC\"")).statusCode(201).extract()
                .path("id");
        ExtractableResponse<Response> refused = decide(ALEX, id);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.asString().contains("governance ops"), refused.asString());
        assertEquals(200, decide(GWEN, id).statusCode());
    }

    @Test
    void involvingMeListsWhatNamesTheCaller() {
        String mine = create(ALEX, body(ALLIANCE, "Tara contributes", today().plusWeeks(5), 10)).statusCode(201)
                .extract().path("id");
        String notMine = create(ALEX, body(ALLIANCE, "Tara is not in it", today().plusWeeks(5), 10)
                .replace("\"user:tara\"", "\"user:nora\"")).statusCode(201).extract().path("id");
        given().auth().oauth2(TARA).queryParam("involving", "me").queryParam("limit", 100).get("/api/decisions")
                .then().statusCode(200).body("items.id", hasItem(mine)).body("items.id", not(hasItem(notMine)));
        given().auth().oauth2(SVEN).queryParam("involving", "me").queryParam("limit", 100).get("/api/decisions")
                .then().statusCode(200).body("items.id", hasItem(mine)).body("items.id", hasItem(notMine));
        given().auth().oauth2(TARA).queryParam("involving", "someone").get("/api/decisions").then().statusCode(400)
                .body("errors.field", hasItem("involving"));
    }
}
