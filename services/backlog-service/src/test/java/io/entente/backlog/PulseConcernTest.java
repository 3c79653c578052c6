package io.entente.backlog;

import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.governance.MeetingEvent.PulseConcernRaised;
import io.entente.platform.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pulse concern becomes one alliance-health item, however often it arrives. */
@QuarkusTest
class PulseConcernTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aConcernBecomesOneAllianceHealthItemAndRepeatsAreAbsorbed() {
        Fixtures.alliances("P-HELIX");
        String tara = Fixtures.member("P-HELIX");
        String meetingId = UUID.randomUUID().toString();
        String key = "P-HELIX:2026-Q4:oneTeam";
        PulseConcernRaised concern = new PulseConcernRaised(meetingId, "P-HELIX", key, "2026-Q4", "oneTeam",
                "partner side mean 2.33 is under 3.00", 4.0, 3, 2.33, 3);
        try (TestEvents events = new TestEvents(bootstrap, "/entente/governance-service")) {
            UUID eventId = UUID.randomUUID();
            events.publish(eventId, concern);
            events.publish(eventId, concern);   // redelivered: the inbox absorbs it
            events.publish(concern);            // raised again under a new id: the item's source absorbs it
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(tara).queryParam("sourceRef", "pulse-concern:" + key)
                        .when().get("/api/backlog-items")
                        .then().statusCode(200).body("items.size()", equalTo(1))
                        .body("items[0].title", equalTo("Partner pulse: one team in 2026-Q4"))
                        .body("items[0].discipline", equalTo("ALLIANCE_HEALTH"))
                        .body("items[0].description", startsWith("The partner-experience pulse of 2026-Q4")));
        // The consumer handles one partition in order, so an item from a later event proves the repeats were handled.
        String marker = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap, "/entente/governance-service")) {
            events.publish(new ActionItemRaised(meetingId, "P-HELIX", marker, "Marker", "gwen", null));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1L, count(
                "select count(*) from backlog_item where source_ref = 'action-item:" + marker + "'")));
        assertEquals(1L, count("select count(*) from backlog_item where source_ref = 'pulse-concern:" + key + "'"));
    }

    // Called from Awaitility's thread too, where no request context is active.
    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
