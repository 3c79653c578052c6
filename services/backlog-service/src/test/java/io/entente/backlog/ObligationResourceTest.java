package io.entente.backlog;

import io.entente.backlog.service.ObligationJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ObligationResourceTest {

    static final String TARA = Fixtures.member("O-QUANTIA");
    static final String SVEN = Fixtures.stakeholder("O-QUANTIA");
    static final String NORA = Fixtures.member("O-CORVID");

    @Inject
    ObligationJob job;

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("O-QUANTIA", "O-CORVID");
        TestClock.CLOCK.setDate(LocalDate.of(2026, 11, 23));
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.setDate(LocalDate.of(2026, 11, 23));
    }

    static String obligation(String title, String due, int leadTime, String recurrence) {
        return """
                {"allianceId":"O-QUANTIA","title":"%s","clauseRef":"§7.2","kind":"REPORT","owedBy":"US",
                 "dueDate":"%s","leadTimeDays":%d%s}""".formatted(title, due, leadTime,
                recurrence == null ? "" : ",\"recurrence\":\"" + recurrence + "\"");
    }

    @Test
    void theWindowOpensAtDueDateMinusLeadTimeAndAMissedOneIsFlagged() {
        String id = given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(obligation("Annual development report", "2027-01-31", 30, null))
                .when().post("/api/obligations").then().statusCode(201)
                .body("status", equalTo("UPCOMING")).body("windowOpens", equalTo("2027-01-01"))
                .body("itemId", nullValue())
                .extract().path("id");
        String path = "/api/obligations/" + id;
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.ObligationRegistered'"));

        TestClock.CLOCK.setDate(LocalDate.of(2026, 12, 31));
        job.run();
        given().auth().oauth2(SVEN).when().get(path).then().body("status", equalTo("UPCOMING"));

        TestClock.CLOCK.setDate(LocalDate.of(2027, 1, 1));
        job.run();
        String itemId = given().auth().oauth2(SVEN).when().get(path).then()
                .body("status", equalTo("DUE")).body("itemId", notNullValue()).extract().path("itemId");
        given().auth().oauth2(SVEN).when().get("/api/backlog-items/" + itemId).then().statusCode(200)
                .body("type", equalTo("OBLIGATION")).body("discipline", equalTo("CONTRACTS"))
                .body("title", equalTo("Deliver Annual development report (§7.2)"))
                .body("dueDate", equalTo("2027-01-31")).body("sourceRef", equalTo("obligation:" + id));
        job.run();
        assertEquals(1, count("select count(*) from backlog_item where source_ref = 'obligation:" + id + "'"),
                "a second sweep adds nothing");
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.ObligationDue'"));

        TestClock.CLOCK.setDate(LocalDate.of(2027, 2, 1));
        job.run();
        given().auth().oauth2(SVEN).when().get(path).then().body("status", equalTo("MISSED"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.ObligationMissed'"));
        given().auth().oauth2(SVEN).queryParam("status", "MISSED").when().get("/api/obligations")
                .then().body("items.id", hasItem(id));

        // Met late: still recorded, with the day it was met.
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, TARA))
                .body("{\"metOn\":\"2027-02-01\"}").when().post(path + "/met")
                .then().statusCode(200).body("status", equalTo("MET")).body("metOn", equalTo("2027-02-01"));
    }

    @Test
    void anObligationInsideItsWindowOpensAtOnceAndARecurringOneRollsOn() {
        String id = given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(obligation("Quarterly cost-sharing statement", "2026-12-15", 30, "QUARTERLY")
                        .replace("REPORT", "PAYMENT"))
                .when().post("/api/obligations").then().statusCode(201)
                .body("status", equalTo("DUE")).body("itemId", notNullValue())
                .extract().path("id");
        String path = "/api/obligations/" + id;
        String etag = Fixtures.etag(path, TARA);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body("{}")
                .when().post(path + "/met").then().statusCode(428);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"metOn\":\"2027-05-01\"}").when().post(path + "/met")
                .then().statusCode(400).body("detail", containsString("future"));
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag).body("{}")
                .when().post(path + "/met").then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", etag).body("{}")
                .when().post(path + "/met").then().statusCode(404);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag).body("{}")
                .when().post(path + "/met").then().statusCode(200)
                .body("status", equalTo("UPCOMING")).body("dueDate", equalTo("2027-03-15"))
                .body("itemId", nullValue());
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag).body("{}")
                .when().post(path + "/met").then().statusCode(412);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.ObligationMet' and payload like '%2026-12-15%'"));
        given().auth().oauth2(SVEN).queryParam("allianceId", "O-QUANTIA").queryParam("kind", "PAYMENT")
                .when().get("/api/obligations").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void invalidObligationsAreRefused() {
        long before = count("select count(*) from obligation");
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(obligation("", "2027-01-31", 400, null))
                .when().post("/api/obligations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("leadTimeDays"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(obligation("x", "2027-01-31", 10, null).replace("\"US\"", "\"NOBODY\""))
                .when().post("/api/obligations").then().statusCode(400);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).body(obligation("x", "2027-01-31", 10, null))
                .when().post("/api/obligations").then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).body(obligation("x", "2027-01-31", 10, null))
                .when().post("/api/obligations").then().statusCode(404);
        given().contentType(ContentType.JSON).body(obligation("x", "2027-01-31", 10, null))
                .when().post("/api/obligations").then().statusCode(401);
        given().auth().oauth2(NORA).when().get("/api/obligations/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        assertEquals(before, count("select count(*) from obligation"));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
