package io.entente.backlog;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.entente.platform.messaging.OutboxRelay;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BacklogItemSkeletonTest {

    static final String ALEX = TestTokens.user("alex").roles("alliance-manager").alliances("ONC-HELIX").sign();
    static final String SVEN = TestTokens.user("sven").roles("stakeholder").alliances("ONC-HELIX").sign();

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("ONC-HELIX", "LIC-CORVID");
    }

    static String body(String alliance, String title) {
        return """
                {"allianceId":"%s","title":"%s","discipline":"GOVERNANCE","type":"TASK","estimate":3,
                 "dueDate":"2026-12-15"}""".formatted(alliance, title);
    }

    @Test
    void createdItemIsAuditedAndPublishedAsACloudEvent() {
        String location = given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(body("ONC-HELIX", "Prepare JSC Q1 pre-read"))
                .when().post("/api/backlog-items")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("NEW"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(SVEN).when().get("/api/backlog-items/" + id)
                .then().statusCode(200).body("title", equalTo("Prepare JSC Q1 pre-read"));

        Number audits = (Number) em.createNativeQuery(
                "select count(*) from audit_log where aggregate_id = ?1 and actor = 'alex'")
                .setParameter(1, id).getSingleResult();
        assertEquals(1, audits.intValue());

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        CloudEvent event = readEvent("backlog-item.events", id);
        assertEquals("io.entente.BacklogItemCreated", event.getType());
        assertEquals("/entente/backlog-service", event.getSource().toString());
        assertEquals("ONC-HELIX", event.getExtension("allianceid"));
        assertTrue(new String(event.getData().toBytes(), StandardCharsets.UTF_8).contains("Prepare JSC Q1 pre-read"));
    }

    @Test
    void refusesWithoutTokenWithoutRoleAndOutsideTheAlliance() {
        given().contentType(ContentType.JSON).body(body("ONC-HELIX", "x"))
                .when().post("/api/backlog-items").then().statusCode(401);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).body(body("ONC-HELIX", "x"))
                .when().post("/api/backlog-items").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(body("LIC-CORVID", "x"))
                .when().post("/api/backlog-items").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("LIC-CORVID"));
        given().auth().oauth2(ALEX).when().get("/api/backlog-items/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemAndNothingIsWritten() {
        Number before = (Number) em.createNativeQuery("select count(*) from backlog_item").getSingleResult();
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body("{\"allianceId\":\"ONC-HELIX\",\"discipline\":\"GOVERNANCE\",\"type\":\"TASK\"}")
                .when().post("/api/backlog-items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/backlog-items")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(body("ONC-HELIX", "x").replace("\"estimate\":3", "\"estimate\":3,\"version\":7"))
                .when().post("/api/backlog-items")
                .then().statusCode(400).body("detail", containsString("unknown field 'version'"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(body("ONC-HELIX", "x").replace("\"TASK\"", "\"PARTY\""))
                .when().post("/api/backlog-items")
                .then().statusCode(400).contentType("application/problem+json");
        Number after = (Number) em.createNativeQuery("select count(*) from backlog_item").getSingleResult();
        assertEquals(before.longValue(), after.longValue());
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/backlog-items"));
    }

    private CloudEvent readEvent(String topic, String key) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<CloudEvent> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, CloudEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
