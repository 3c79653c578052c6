package io.entente.backlog;

import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.governance.MeetingEvent.ActionItemReportedDone;
import io.entente.platform.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An owner's report that their action item is done closes the backlog item that carries it, once. */
@QuarkusTest
class ActionItemReportedDoneTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theReportClosesTheCarryingItemAndIsAppliedOnce() {
        Fixtures.alliances("E-HELIX");
        String tara = Fixtures.member("E-HELIX");
        String meetingId = UUID.randomUUID().toString();
        String actionItemId = UUID.randomUUID().toString();
        String ref = "action-item:" + actionItemId;
        ActionItemReportedDone reported = new ActionItemReportedDone(meetingId, "E-HELIX", actionItemId, null,
                "gwen", Instant.parse("2026-12-03T15:30:00Z"));
        try (TestEvents events = new TestEvents(bootstrap, "/entente/governance-service")) {
            events.publish(new ActionItemRaised(meetingId, "E-HELIX", actionItemId, "Send the CMC timeline", "gwen",
                    LocalDate.of(2026, 12, 4)));
            events.publish(reported);
            events.publish(reported);   // reported again under a new event id: already done, nothing more
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(tara).queryParam("sourceRef", ref).when().get("/api/backlog-items")
                        .then().statusCode(200).body("items.size()", equalTo(1))
                        .body("items[0].status", equalTo("DONE")));
        // The consumer handles one topic partition in order, so a third event proves the repeat was handled.
        String other = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap, "/entente/governance-service")) {
            events.publish(new ActionItemRaised(meetingId, "E-HELIX", other, "Marker", "gwen", null));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1L, count(
                "select count(*) from backlog_item where source_ref = 'action-item:" + other + "'")));
        assertEquals(1L, count("select count(*) from outbox_event where event_type = 'io.entente.BacklogItemUpdated'"
                + " and payload like '%" + ref + "%' and payload like '%DONE%'"));
    }

    // Called from Awaitility's thread too, where no request context is active.
    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
