package io.entente.backlog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static io.entente.backlog.Fixtures.ADMIN;
import static io.entente.backlog.Fixtures.allianceBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AllianceResourceTest {

    @Inject
    EntityManager em;

    @Test
    void adminAndMemberManagerRegisterOthersCannot() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(allianceBody("A-REG-ONE", "EVALUATION", 2))
                .when().post("/api/alliances")
                .then().statusCode(201)
                .header("Location", containsString("/api/alliances/A-REG-ONE"))
                .header("ETag", notNullValue())
                .body("phase", equalTo("EVALUATION"))
                .body("riskThreshold", equalTo(12))
                .body("nextPhases", hasItems("DUE_DILIGENCE", "CLOSED"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = 'A-REG-ONE' "
                + "and event_type = 'io.entente.AllianceRegistered'"));
        assertEquals(1, count("select count(*) from audit_log where aggregate_id = 'A-REG-ONE' and actor = 'admin'"));

        given().auth().oauth2(Fixtures.manager("A-REG-TWO")).contentType(ContentType.JSON)
                .body(allianceBody("A-REG-TWO", "LAUNCH", 1).replace("}", ",\"riskThreshold\":15}"))
                .when().post("/api/alliances").then().statusCode(201).body("riskThreshold", equalTo(15));

        // A manager outside the alliance's group, a stakeholder, no token.
        given().auth().oauth2(Fixtures.manager("A-REG-ONE")).contentType(ContentType.JSON)
                .body(allianceBody("A-REG-THREE", "LAUNCH", 1))
                .when().post("/api/alliances").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("not a member"));
        given().auth().oauth2(Fixtures.stakeholder("A-REG-THREE")).contentType(ContentType.JSON)
                .body(allianceBody("A-REG-THREE", "LAUNCH", 1))
                .when().post("/api/alliances").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(allianceBody("A-REG-THREE", "LAUNCH", 1))
                .when().post("/api/alliances").then().statusCode(401);
        given().auth().oauth2(ADMIN).when().get("/api/alliances/A-REG-THREE").then().statusCode(404);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(allianceBody("A-REG-ONE", "EVALUATION", 2))
                .when().post("/api/alliances").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void invalidAlliancesAreRefusedAndNothingIsStored() {
        long before = count("select count(*) from alliance");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(allianceBody("A-BAD", "EXECUTION", 4))
                .when().post("/api/alliances").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("tier"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(allianceBody("a bad key", "EXECUTION", 1))
                .when().post("/api/alliances").then().statusCode(400).body("errors.field", hasItem("key"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(allianceBody("A-BAD", "EXECUTION", 1).replace("CO_DEVELOPMENT", "MERGER"))
                .when().post("/api/alliances").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(allianceBody("A-BAD", "EXECUTION", 1).replace("\"tier\"", "\"version\":3,\"tier\""))
                .when().post("/api/alliances").then().statusCode(400)
                .body("detail", containsString("unknown field 'version'"));
        assertEquals(before, count("select count(*) from alliance"));
    }

    @Test
    void membersSeeOnlyTheirAlliancesAdminsSeeAll() {
        Fixtures.alliances("A-VIS-ONE", "A-VIS-TWO");
        String tara = Fixtures.member("A-VIS-ONE");
        given().auth().oauth2(tara).when().get("/api/alliances")
                .then().statusCode(200)
                .body("items.key", hasItem("A-VIS-ONE"))
                .body("items.key", not(hasItem("A-VIS-TWO")));
        given().auth().oauth2(tara).when().get("/api/alliances/A-VIS-TWO")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString("A-VIS-TWO alliance")));
        given().auth().oauth2(ADMIN).queryParam("limit", 200).when().get("/api/alliances")
                .then().statusCode(200).body("items.key", hasItems("A-VIS-ONE", "A-VIS-TWO"));
        given().auth().oauth2(Fixtures.member()).when().get("/api/alliances")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("next", nullValue());
        given().when().get("/api/alliances").then().statusCode(401);
    }

    @Test
    void listPagesWithAKeysetCursorAndSorts() {
        Fixtures.alliances("A-PAGE-1", "A-PAGE-2", "A-PAGE-3");
        String token = Fixtures.member("A-PAGE-1", "A-PAGE-2", "A-PAGE-3");
        String next = given().auth().oauth2(token).queryParam("limit", 2).when().get("/api/alliances")
                .then().statusCode(200).body("items.key", org.hamcrest.Matchers.contains("A-PAGE-1", "A-PAGE-2"))
                .extract().path("next");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("after", next).when().get("/api/alliances")
                .then().statusCode(200).body("items.key", org.hamcrest.Matchers.contains("A-PAGE-3"))
                .body("next", nullValue());
        given().auth().oauth2(token).queryParam("sort", "-key").when().get("/api/alliances")
                .then().statusCode(200).body("items[0].key", equalTo("A-PAGE-3"));
        given().auth().oauth2(token).queryParam("sort", "-key").queryParam("after", next)
                .when().get("/api/alliances").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("limit", 500).when().get("/api/alliances")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(token).queryParam("sort", "partnerMood").when().get("/api/alliances")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("phase", "EXECUTION").queryParam("tier", "1")
                .when().get("/api/alliances").then().statusCode(200).body("items.size()", equalTo(3));
        given().auth().oauth2(token).queryParam("phase", "NAPPING").when().get("/api/alliances")
                .then().statusCode(400).body("errors.field", hasItem("phase"));
    }

    @Test
    void updatesNeedIfMatchAndARoleThatMayChange() {
        Fixtures.alliances("A-UPD");
        String alex = Fixtures.manager("A-UPD");
        String body = """
                {"name":"Helix oncology","partner":"Helix Biotherapeutics","type":"CO_DEVELOPMENT","tier":1,
                 "valueScore":5,"complexityScore":4,"allianceManager":"alex","startDate":"2024-03-01",
                 "riskThreshold":10}""";
        String etag = Fixtures.etag("/api/alliances/A-UPD", alex);
        given().auth().oauth2(alex).contentType(ContentType.JSON).body(body)
                .when().put("/api/alliances/A-UPD").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", "\"999\"").body(body)
                .when().put("/api/alliances/A-UPD").then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.member("A-UPD")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).when().put("/api/alliances/A-UPD").then().statusCode(403);
        given().auth().oauth2(Fixtures.manager("A-OTHER")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).when().put("/api/alliances/A-UPD").then().statusCode(404);
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body.replace("\"tier\":1", "\"tier\":0"))
                .when().put("/api/alliances/A-UPD").then().statusCode(400).body("errors.field", hasItem("tier"));
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/alliances/A-UPD").then().statusCode(200)
                .body("name", equalTo("Helix oncology")).body("riskThreshold", equalTo(10))
                .header("ETag", not(equalTo(etag)));
        // The old ETag is stale now.
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/alliances/A-UPD").then().statusCode(412);
        given().auth().oauth2(alex).when().get("/api/alliances/A-UPD").then().body("name", equalTo("Helix oncology"));
    }

    @Test
    void phaseChangesFollowTheLifecycleAndAreAudited() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(allianceBody("A-PHASE", "EVALUATION", 3))
                .when().post("/api/alliances").then().statusCode(201);
        String alex = Fixtures.manager("A-PHASE");
        String etag = Fixtures.etag("/api/alliances/A-PHASE", alex);
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"phase\":\"WIND_DOWN\",\"reason\":\"partner lost interest\"}")
                .when().post("/api/alliances/A-PHASE/phase")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot move from EVALUATION to WIND_DOWN"));
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"phase\":\"SLEEPING\"}")
                .when().post("/api/alliances/A-PHASE/phase").then().statusCode(400);
        given().auth().oauth2(Fixtures.stakeholder("A-PHASE")).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"phase\":\"DUE_DILIGENCE\"}")
                .when().post("/api/alliances/A-PHASE/phase").then().statusCode(403);
        given().auth().oauth2(Fixtures.manager("A-ELSE")).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"phase\":\"DUE_DILIGENCE\"}")
                .when().post("/api/alliances/A-PHASE/phase").then().statusCode(404);
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", "\"41\"")
                .body("{\"phase\":\"DUE_DILIGENCE\"}")
                .when().post("/api/alliances/A-PHASE/phase").then().statusCode(412);
        given().auth().oauth2(alex).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"phase\":\"DUE_DILIGENCE\",\"reason\":\"term sheet signed\"}")
                .when().post("/api/alliances/A-PHASE/phase")
                .then().statusCode(200).body("phase", equalTo("DUE_DILIGENCE"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = 'A-PHASE' "
                + "and event_type = 'io.entente.AlliancePhaseChanged' and payload like '%term sheet signed%'"));
        assertEquals(1, count("select count(*) from audit_log where aggregate_id = 'A-PHASE' and actor = 'alex' "
                + "and action = 'io.entente.AlliancePhaseChanged' and before_state->>'phase' = 'EVALUATION' "
                + "and after_state->>'phase' = 'DUE_DILIGENCE'"));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
