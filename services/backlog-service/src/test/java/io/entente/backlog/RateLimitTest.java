package io.entente.backlog;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.entente.platform.security.RateLimitConfig;
import io.entente.platform.security.SharedTokenBuckets;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes beyond a user's budget answer 429 with Retry-After; reads and other users are not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
class RateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("entente.rate-limit.burst", "5", "entente.rate-limit.writes-per-second", "0.1");
        }
    }

    static final String ALLIANCE = "B-LIMIT";

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    RateLimitConfig config;

    @Test
    void writesBeyondTheBudgetAre429WithRetryAfter() {
        String flooder = TestTokens.user("flooder").roles("team-member").alliances(ALLIANCE).sign();
        String colleague = TestTokens.user("colleague").roles("team-member").alliances(ALLIANCE).sign();
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.allianceBody(ALLIANCE, "EXECUTION", 1)).post("/api/alliances").then().statusCode(201);

        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response r = given().auth().oauth2(flooder).contentType(ContentType.JSON)
                    .body(Fixtures.itemBody(ALLIANCE, "Flood " + i)).post("/api/backlog-items");
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                refused = r;
            }
        }
        assertTrue(refused != null, "the sixth write in a row is refused");
        // PUT and the other verbs share the budget (checked at once: the bucket refills one write per 10 s).
        given().auth().oauth2(flooder).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"title\":\"x\",\"discipline\":\"GOVERNANCE\",\"type\":\"TASK\"}")
                .put("/api/backlog-items/00000000-0000-0000-0000-000000000001").then().statusCode(429)
                .header("Retry-After", notNullValue());
        assertEquals(429, refused.statusCode());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals("Too many requests", refused.path("title"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
        assertTrue(accepted >= 5 && accepted <= 6, "the burst of 5 (plus at most one refilled meanwhile): " + accepted);
        Number stored = (Number) em.createNativeQuery("select count(*) from backlog_item where alliance_id = ?1")
                .setParameter(1, ALLIANCE).getSingleResult();
        assertEquals(accepted, stored.intValue(), "a refused write stores nothing");

        // Reads stay open, and another user's budget is their own.
        given().auth().oauth2(flooder).get("/api/backlog-items").then().statusCode(200);
        given().auth().oauth2(colleague).contentType(ContentType.JSON)
                .body(Fixtures.itemBody(ALLIANCE, "Colleague's item")).post("/api/backlog-items")
                .then().statusCode(201);
        // Anonymous writes are refused by authentication, not counted against anyone.
        given().contentType(ContentType.JSON).body(Fixtures.itemBody(ALLIANCE, "x")).post("/api/backlog-items")
                .then().statusCode(401);

        // The budget refills at one write per 10 seconds.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                given().auth().oauth2(flooder).contentType(ContentType.JSON)
                        .body(Fixtures.itemBody(ALLIANCE, "After the pause")).post("/api/backlog-items")
                        .statusCode() == 201);
        given().auth().oauth2(flooder).queryParam("allianceId", ALLIANCE).get("/api/backlog-items").then()
                .statusCode(200).body("items.find { it.title == 'After the pause' }.title", equalTo("After the pause"));
    }

    @Test
    void anotherReplicaTakesFromTheSameBudget() {
        String twin = TestTokens.user("twin").roles("team-member").alliances(ALLIANCE).sign();
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.allianceBody(ALLIANCE + "-2", "EXECUTION", 1)).post("/api/alliances");
        // A second replica of the service: its own limiter, its own connections, the same database.
        SharedTokenBuckets otherReplica = new SharedTokenBuckets(dataSource, config);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, otherReplica.tryAcquire("twin"), "the other replica's write " + i);
        }

        int accepted = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().auth().oauth2(twin).contentType(ContentType.JSON)
                    .body(Fixtures.itemBody(ALLIANCE, "Twin " + i)).post("/api/backlog-items").statusCode();
            if (status == 201) {
                accepted++;
            } else {
                assertEquals(429, status);
            }
        }
        assertTrue(accepted >= 2 && accepted <= 3,
                "5 in all: 3 taken on the other replica, 2 left here (plus at most one refilled): " + accepted);
    }
}
