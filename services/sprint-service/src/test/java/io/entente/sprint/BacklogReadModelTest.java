package io.entente.sprint;

import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.platform.messaging.EventConsumer;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
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
    EventConsumer consumer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void appliesABacklogItemCreatedOnceEvenWhenDeliveredTwice() {
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

    private void send(UUID eventId, BacklogItemCreated event) {
        try (TestEvents events = new TestEvents(bootstrap, "/entente/backlog-service")) {
            events.publish(eventId, event);
        }
    }
}
