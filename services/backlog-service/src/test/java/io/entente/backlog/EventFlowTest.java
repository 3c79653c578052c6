package io.entente.backlog;

import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import io.entente.events.decision.DecisionEvent.Option;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.CarriedItem;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.platform.messaging.EventConsumer;
import io.entente.platform.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Other services' events, published to the real broker, change the backlog through the real consumer. */
@QuarkusTest
class EventFlowTest {

    static final String TARA = Fixtures.member("E-HELIX");

    @Inject
    EventConsumer consumer;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("E-HELIX");
    }

    @Test
    void anOpenedDecisionProducesItsPrepItemsOnceDueBeforeItsPreparationDeadline() {
        String decisionId = UUID.randomUUID().toString();
        DecisionOpened opened = new DecisionOpened(decisionId, "E-HELIX", "Go/no-go for Phase 3 start",
                "Do we start the Phase 3 trial in Q2?", "Phase 2 read-out positive",
                List.of(new Option("A", "Start in Q2", "speed", "cost"), new Option("B", "Wait for FDA", "safer", "slow")),
                "JSC", LocalDate.of(2027, 1, 29), 14, "alex", "sponsor", "walk-away price", null);
        UUID eventId;
        try (TestEvents events = new TestEvents(bootstrap, "/entente/decision-service")) {
            eventId = events.publish(opened);
        }
        String ref = "decision:" + decisionId;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(TARA).queryParam("sourceRef", ref).queryParam("sort", "dueDate")
                        .when().get("/api/backlog-items")
                        .then().statusCode(200).body("items.size()", equalTo(5)));
        // Prep must be finished by due date minus lead time (2027-01-15); the items fall due before it.
        given().auth().oauth2(TARA).queryParam("sourceRef", ref).queryParam("sort", "dueDate")
                .when().get("/api/backlog-items").then()
                .body("items.type", everyItem(equalTo("DECISION_PREP")))
                .body("items.owner", everyItem(equalTo("alex")))
                .body("items.dueDate", contains("2027-01-05", "2027-01-08", "2027-01-10", "2027-01-12",
                        "2027-01-14"))
                .body("items[0].title", equalTo("Frame the question and confirm DACI roles: Go/no-go for Phase 3 start"));
        assertEquals(5, count("select count(*) from outbox_event where event_type = 'io.entente.BacklogItemCreated' "
                + "and payload like '%" + ref + "%'"));

        long duplicates = consumer.stats().duplicates();
        long applied = consumer.stats().applied();
        try (TestEvents events = new TestEvents(bootstrap, "/entente/decision-service")) {
            events.publish(eventId, opened);     // a redelivery
            events.publish(opened);              // the same decision opened again under a new event id
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.stats().duplicates() > duplicates
                && consumer.stats().applied() > applied);
        assertEquals(5, count("select count(*) from backlog_item where source_ref = '" + ref + "'"));

        try (TestEvents events = new TestEvents(bootstrap, "/entente/decision-service")) {
            events.publish(new DecisionWithdrawn(decisionId, "E-HELIX", "superseded"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(TARA).queryParam("sourceRef", ref).queryParam("status", "DROPPED")
                        .when().get("/api/backlog-items").then().body("items.size()", equalTo(5)));
    }

    @Test
    void aMeetingActionItemBecomesABacklogItem() {
        String actionItemId = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap, "/entente/governance-service")) {
            events.publish(new ActionItemRaised(UUID.randomUUID().toString(), "E-HELIX", actionItemId,
                    "Send revised CMC timeline to Helix", "gwen", LocalDate.of(2026, 12, 4)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(TARA).queryParam("sourceRef", "action-item:" + actionItemId)
                        .when().get("/api/backlog-items").then().statusCode(200)
                        .body("items.size()", equalTo(1))
                        .body("items[0].type", equalTo("ACTION_ITEM"))
                        .body("items[0].title", equalTo("Send revised CMC timeline to Helix"))
                        .body("items[0].owner", equalTo("gwen"))
                        .body("items[0].dueDate", equalTo("2026-12-04"))
                        .body("items[0].status", equalTo("NEW")));
        given().auth().oauth2(Fixtures.member("E-OTHER")).queryParam("sourceRef", "action-item:" + actionItemId)
                .when().get("/api/backlog-items").then().body("items.size()", equalTo(0));
    }

    @Test
    void sprintEventsShowWhetherAnItemIsInASprintAndWhenItWasDone() {
        String itemId = Fixtures.createItemId(TARA, "E-HELIX", "Reconcile Q4 cost-sharing");
        String path = "/api/backlog-items/" + itemId;
        String sprintId = UUID.randomUUID().toString();
        Instant doneAt = Instant.parse("2026-12-03T15:30:00Z");
        try (TestEvents events = new TestEvents(bootstrap, "/entente/sprint-service")) {
            events.publish(new ItemCommittedToSprint(sprintId, itemId, "E-HELIX", 3, false));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TARA).when().get(path)
                .then().body("status", equalTo("IN_SPRINT")).body("sprintId", equalTo(sprintId)));

        try (TestEvents events = new TestEvents(bootstrap, "/entente/sprint-service")) {
            events.publish(new BoardItemMoved(sprintId, itemId, "E-HELIX", "IN_REVIEW", "DONE", "tara", doneAt));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TARA).when().get(path)
                .then().body("status", equalTo("DONE")).body("doneAt", equalTo("2026-12-03T15:30:00Z")));

        try (TestEvents events = new TestEvents(bootstrap, "/entente/sprint-service")) {
            events.publish(new BoardItemMoved(sprintId, itemId, "E-HELIX", "DONE", "IN_PROGRESS", "tara",
                    doneAt.plusSeconds(60)));
            events.publish(new SprintClosed(sprintId, "team-finance", 3, 0,
                    List.of(new CarriedItem(itemId, "E-HELIX", "BACKLOG", null)), doneAt.plusSeconds(3600)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TARA).when().get(path)
                .then().body("status", equalTo("READY")).body("sprintId", nullValue()).body("doneAt", nullValue()));

        String other = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap, "/entente/sprint-service")) {
            events.publish(new ItemCommittedToSprint(other, itemId, "E-HELIX", 3, false));
            events.publish(new ItemRemovedFromSprint(other, itemId, "E-HELIX", "capacity"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_event where aggregate_id = '"
                + itemId + "' and event_type = 'io.entente.BacklogItemUpdated'") >= 6);
        given().auth().oauth2(TARA).when().get(path).then().body("status", equalTo("READY"));
        // Every change made by a handler is audited as the service itself.
        assertEquals(0, count("select count(*) from audit_log where aggregate_id = '" + itemId
                + "' and action = 'io.entente.BacklogItemUpdated' and actor <> 'system:backlog-service'"));
        given().auth().oauth2(TARA).when().get(path).then().body("version", lessThan(10));
    }

    // Called from Awaitility's thread too, where no request context is active.
    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
