package io.entente.decision;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.governance.MeetingEvent.DecisionRecorded;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.platform.messaging.EventConsumer;
import io.entente.platform.messaging.OutboxRelay;
import io.entente.platform.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.manager;
import static io.entente.decision.DecisionFixtures.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop over the real broker, with the backlog, sprint and governance services played by TestEvents:
 * decision opened, prep items in the backlog, pulled into a sprint, done, decision on track; then the meeting's
 * outcome closes it.
 */
@QuarkusTest
class WholeLoopTest {

    static final String ALLIANCE = "T-LOOP";
    static final String ALEX = manager(ALLIANCE);
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EventConsumer consumer;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void setUp() {
        TestClock.reset();
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
    }

    @Test
    void openedPreparedInASprintDoneOnTrackThenClosedByTheMeeting() {
        // Due in 14 days with a week's lead time: the prep deadline is a week away, so prep must be scheduled now.
        ExtractableResponse<Response> opened = create(ALEX, body(ALLIANCE, "Phase 3 go/no-go", today().plusDays(14), 7))
                .statusCode(201).extract();
        String id = opened.path("id");
        assertEquals("AT_RISK", opened.path("riskState"));
        assertEquals("no prep items yet, prep deadline " + today().plusDays(7) + " in 7 days; none in a sprint",
                opened.path("riskReason"));

        // The backlog hears about it on Kafka.
        await().atMost(WAIT).until(() -> relay.pending() == 0);
        CloudEvent published = readEvent("decision.events", id, "io.entente.DecisionOpened");
        assertEquals(ALLIANCE, published.getExtension("allianceid"));
        assertEquals("/entente/decision-service", published.getSource().toString());
        String data = new String(published.getData().toBytes(), StandardCharsets.UTF_8);
        assertTrue(data.contains("\"leadTimeDays\":7") && data.contains("\"dueDate\":\"" + today().plusDays(14)),
                data);

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String sprint = UUID.randomUUID().toString();
        try (TestEvents backlog = new TestEvents(bootstrap, "/entente/backlog-service");
             TestEvents sprints = new TestEvents(bootstrap, "/entente/sprint-service");
             TestEvents governance = new TestEvents(bootstrap, "/entente/governance-service")) {
            // The backlog creates the prep items from DecisionOpened; one unrelated item is ignored.
            backlog.publish(prepItem(first, id, "Options paper for the JSC"));
            UUID redelivered = backlog.publish(prepItem(second, id, "Partner alignment call"));
            backlog.publish(new BacklogItemCreated(UUID.randomUUID().toString(), ALLIANCE, "Unrelated", null,
                    "GOVERNANCE", "TASK", 1, null, "NEW", "m", null));
            await().atMost(WAIT).untilAsserted(() -> read(id)
                    .body("prep.total", equalTo(2))
                    .body("riskState", equalTo("AT_RISK"))
                    .body("riskReason", containsString("2 of 2 prep items not done"))
                    .body("riskReason", containsString("none in a sprint")));

            // Redelivery of the same event changes nothing.
            long duplicates = consumer.stats().duplicates();
            backlog.publish(redelivered, prepItem(second, id, "Tampered title"));
            await().atMost(WAIT).until(() -> consumer.stats().duplicates() > duplicates);

            // A third item's sprint event overtakes its backlog event: order across topics does not matter.
            sprints.publish(new ItemCommittedToSprint(sprint, third, ALLIANCE, 2, false));
            backlog.publish(prepItem(third, id, "Budget impact note"));

            // The team pulls the first two into the sprint: on track.
            sprints.publish(new ItemCommittedToSprint(sprint, first, ALLIANCE, 3, false));
            sprints.publish(new ItemCommittedToSprint(sprint, second, ALLIANCE, 2, false));
            await().atMost(WAIT).untilAsserted(() -> read(id)
                    .body("prep.total", equalTo(3))
                    .body("prep.inSprint", equalTo(3))
                    .body("riskState", equalTo("ON_TRACK"))
                    .body("riskReason", containsString("all in a sprint")));
            read(id).body("prep.items.title", equalTo(List.of("Budget impact note", "Options paper for the JSC",
                    "Partner alignment call")));

            // Done on the board.
            for (String item : List.of(first, second, third)) {
                sprints.publish(new BoardItemMoved(sprint, item, ALLIANCE, "IN_PROGRESS", "DONE", "tara",
                        Instant.now()));
            }
            await().atMost(WAIT).untilAsserted(() -> read(id)
                    .body("prep.done", equalTo(3))
                    .body("riskState", equalTo("ON_TRACK"))
                    .body("riskReason", equalTo("all 3 prep items done")));

            // The JSC takes the decision; the minutes close it here.
            String meeting = UUID.randomUUID().toString();
            governance.publish(new DecisionRecorded(meeting, ALLIANCE, UUID.randomUUID().toString(), "A",
                    "unknown decision", Instant.now(), "gwen"));
            governance.publish(new DecisionRecorded(meeting, ALLIANCE, id, "B",
                    "Efficacy outweighs the manageable tox signal", Instant.parse("2026-11-30T15:00:00Z"), "gwen"));
            await().atMost(WAIT).untilAsserted(() -> read(id)
                    .body("status", equalTo("DECIDED"))
                    .body("outcome.chosenOption", equalTo("B"))
                    .body("outcome.meetingId", equalTo(meeting))
                    .body("outcome.decidedBy", equalTo("gwen"))
                    .body("outcome.decidedAt", equalTo("2026-11-30T15:00:00Z")));
        }
        await().atMost(WAIT).until(() -> relay.pending() == 0);
        CloudEvent decided = readEvent("decision.events", id, "io.entente.DecisionDecided");
        String decidedData = new String(decided.getData().toBytes(), StandardCharsets.UTF_8);
        assertTrue(decidedData.contains("\"chosenOption\":\"B\"") && decidedData.contains("\"meetingId\""),
                decidedData);
        CloudEvent onTrack = readEvent("decision.events", id, "io.entente.DecisionRiskChanged");
        assertTrue(new String(onTrack.getData().toBytes(), StandardCharsets.UTF_8).contains("AT_RISK"));
        assertEquals(0, consumer.stats().parked());
    }

    private static BacklogItemCreated prepItem(String itemId, String decisionId, String title) {
        return new BacklogItemCreated(itemId, ALLIANCE, title, "Prep for decision", "GOVERNANCE", "DECISION_PREP", 3,
                LocalDate.of(2026, 11, 30), "NEW", "m", "decision:" + decisionId);
    }

    private static io.restassured.response.ValidatableResponse read(String id) {
        return given().auth().oauth2(ALEX).get("/api/decisions/" + id).then().statusCode(200);
    }

    /** The first event of the given type for the key, read from the beginning of the topic. */
    private CloudEvent readEvent(String topic, String key, String type) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, CloudEvent> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                new CloudEventDeserializer())) {
            kafka.subscribe(List.of(topic));
            List<CloudEvent> found = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, CloudEvent> r : kafka.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && type.equals(r.value().getType())) {
                        found.add(r.value());
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
