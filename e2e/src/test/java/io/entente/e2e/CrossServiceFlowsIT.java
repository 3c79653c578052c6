package io.entente.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
}
