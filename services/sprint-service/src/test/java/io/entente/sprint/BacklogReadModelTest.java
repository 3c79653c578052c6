package io.entente.sprint;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.entente.events.EventCatalog;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.platform.messaging.EventCodec;
import io.entente.platform.messaging.EventConsumer;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Backlog events arriving over the real broker build the sprint service's own copy of the backlog, once each. */
@QuarkusTest
class BacklogReadModelTest {

    static final String TARA = TestTokens.user("tara").roles("team-member").alliances("ONC-HELIX").sign();
    static final String NORA = TestTokens.user("nora").roles("team-member").alliances("LIC-CORVID").sign();

    @Inject
    EventCodec codec;

    @Inject
    EventConsumer consumer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void appliesABacklogItemCreatedOnceEvenWhenDeliveredTwice() throws Exception {
        String itemId = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        send(eventId, created(itemId, "Draft JSC charter"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TARA).when().get("/api/sprint-candidates/" + itemId)
                        .then().statusCode(200).body("title", equalTo("Draft JSC charter")));

        long duplicatesBefore = consumer.stats().duplicates();
        // The same event id again, with a different payload: the inbox must absorb it untouched.
        send(eventId, created(itemId, "Tampered title"));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.stats().duplicates() > duplicatesBefore);
        given().auth().oauth2(TARA).when().get("/api/sprint-candidates/" + itemId)
                .then().statusCode(200).body("title", equalTo("Draft JSC charter"));

        given().auth().oauth2(NORA).when().get("/api/sprint-candidates/" + itemId).then().statusCode(404);
        given().when().get("/api/sprint-candidates/" + itemId).then().statusCode(401);
    }

    private static BacklogItemCreated created(String itemId, String title) {
        return new BacklogItemCreated(itemId, "ONC-HELIX", title, null, "GOVERNANCE", "TASK", 5,
                LocalDate.of(2026, 12, 1), "NEW", "m", null);
    }

    private void send(UUID eventId, BacklogItemCreated event) throws Exception {
        EventEnvelope envelope = new EventEnvelope(eventId, "/entente/backlog-service",
                EventCatalog.typeOf(BacklogItemCreated.class), event.itemId(), OffsetDateTime.now(),
                event.allianceId(), codec.toJson(event).getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(EventCatalog.topicOf(BacklogItemCreated.class), event.itemId(),
                    codec.toCloudEvent(envelope))).get();
        }
    }
}
