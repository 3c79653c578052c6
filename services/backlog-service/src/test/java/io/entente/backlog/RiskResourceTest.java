package io.entente.backlog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RiskResourceTest {

    static final String ALEX = Fixtures.manager("R-HELIX");
    static final String SVEN = Fixtures.stakeholder("R-HELIX");
    static final String NORA = Fixtures.member("R-CORVID");

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("R-HELIX", "R-CORVID");
    }

    static String risk(String title, int likelihood, int impact) {
        return """
                {"allianceId":"R-HELIX","title":"%s","category":"SUPPLY","likelihood":%d,"impact":%d,
                 "owner":"alex","mitigation":"Qualify a second CMO","nextReviewDate":"2026-12-10"}"""
                .formatted(title, likelihood, impact);
    }

    @Test
    void aRiskAtOrOverTheThresholdRaisesAFollowUpItem() {
        String id = given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(risk("Single CMO for the drug substance", 4, 4))
                .when().post("/api/risks").then().statusCode(201)
                .body("score", equalTo(16)).body("threshold", equalTo(12)).body("aboveThreshold", equalTo(true))
                .body("status", equalTo("OPEN"))
                .extract().path("id");
        given().auth().oauth2(SVEN).queryParam("sourceRef", "risk:" + id).when().get("/api/backlog-items")
                .then().statusCode(200)
                .body("items.type", contains("RISK_FOLLOW_UP"))
                .body("items[0].title", equalTo("Mitigate risk: Single CMO for the drug substance"))
                .body("items[0].dueDate", equalTo("2026-12-10"))
                .body("items[0].discipline", equalTo("PROJECT_MANAGEMENT"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.RiskRaised' and payload like '%\"aboveThreshold\":true%'"));
    }

    @Test
    void reRatingAcrossTheThresholdRaisesOneFollowUpAndPublishesRiskScored() {
        String id = given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(risk("Partner decision latency", 2, 3))
                .when().post("/api/risks").then().statusCode(201).body("aboveThreshold", equalTo(false))
                .extract().path("id");
        String path = "/api/risks/" + id;
        given().auth().oauth2(SVEN).queryParam("sourceRef", "risk:" + id).when().get("/api/backlog-items")
                .then().body("items.size()", equalTo(0));
        String etag = Fixtures.etag(path, SVEN);
        String body = "{\"likelihood\":4,\"impact\":3,\"nextReviewDate\":\"2026-12-01\"}";

        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(body)
                .when().post(path + "/assessment").then().statusCode(428);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"likelihood\":6,\"impact\":3}")
                .when().post(path + "/assessment").then().statusCode(400).body("errors.field", hasItem("likelihood"));
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post(path + "/assessment").then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post(path + "/assessment").then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post(path + "/assessment").then().statusCode(401);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post(path + "/assessment").then().statusCode(200)
                .body("score", equalTo(12)).body("aboveThreshold", equalTo(true));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post(path + "/assessment").then().statusCode(412);
        // Still over the threshold: no second follow-up.
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body("{\"likelihood\":5,\"impact\":4}")
                .when().post(path + "/assessment").then().statusCode(200).body("score", equalTo(20));
        given().auth().oauth2(SVEN).queryParam("sourceRef", "risk:" + id).when().get("/api/backlog-items")
                .then().body("items.size()", equalTo(1)).body("items[0].dueDate", equalTo("2026-12-01"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.RiskScored' and payload like '%\"previousScore\":6%'"));
        given().auth().oauth2(SVEN).queryParam("allianceId", "R-HELIX").queryParam("aboveThreshold", true)
                .when().get("/api/risks").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.aboveThreshold", not(hasItem(false)));
    }

    @Test
    void updateCloseAndReadTheRegister() {
        String id = given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(risk("FX exposure", 3, 2))
                .when().post("/api/risks").then().statusCode(201).extract().path("id");
        String path = "/api/risks/" + id;
        String update = """
                {"title":"FX exposure on milestone payments","category":"FINANCIAL","owner":"finance-lead",
                 "mitigation":"Hedge 80%","status":"MITIGATING","nextReviewDate":"2027-01-15"}""";
        String etag = Fixtures.etag(path, ALEX);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update.replace("MITIGATING", "CLOSED"))
                .when().put(path).then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .when().put(path).then().statusCode(200).body("status", equalTo("MITIGATING"))
                .body("category", equalTo("FINANCIAL"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .when().put(path).then().statusCode(412);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .when().put(path).then().statusCode(403);
        given().auth().oauth2(NORA).when().get(path).then().statusCode(404);
        given().when().get(path).then().statusCode(401);

        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body("{\"reason\":\"hedged\"}").when().post(path + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedReason", equalTo("hedged"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body("{\"likelihood\":5,\"impact\":5}").when().post(path + "/assessment")
                .then().statusCode(409).body("detail", containsString("closed"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.RiskUpdated'"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.RiskClosed'"));

        given().auth().oauth2(SVEN).queryParam("status", "CLOSED").when().get("/api/risks")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(NORA).when().get("/api/risks").then().statusCode(200)
                .body("items.allianceId", not(hasItem("R-HELIX")));
        given().auth().oauth2(SVEN).queryParam("category", "VOLCANIC").when().get("/api/risks")
                .then().statusCode(400);
    }

    @Test
    void invalidRisksAreRefused() {
        long before = count("select count(*) from risk");
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(risk("", 0, 3))
                .when().post("/api/risks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("likelihood"));
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).body(risk("x", 3, 3))
                .when().post("/api/risks").then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).body(risk("x", 3, 3))
                .when().post("/api/risks").then().statusCode(404);
        given().contentType(ContentType.JSON).body(risk("x", 3, 3)).when().post("/api/risks").then().statusCode(401);
        assertEquals(before, count("select count(*) from risk"));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
