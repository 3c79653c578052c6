package io.entente.platform.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventCatalog;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.platform.audit.ChangeLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer applies a poll's events in shared transactions. Exactly-once effect, per-aggregate order and parking
 * of a poison event must hold as they did with one transaction per event: first on batches handed straight to the
 * consumer (so each case is exactly one batch), then through the relay and the real broker.
 */
@QuarkusTest
@QuarkusTestResource(BrokerAndDatabase.class)
class BatchApplyTest {

    @Inject
    EventConsumer consumer;

    @Inject
    ChangeLog changes;

    @Inject
    EntityManager em;

    private final EventCodec codec = new EventCodec();

    @Test
    void theSameEventTwiceInOneBatchTakesEffectOnce() {
        String item = UUID.randomUUID().toString();
        EventEnvelope first = envelope(UUID.randomUUID(), created(item, "Draft JSC charter"));
        EventEnvelope again = envelope(first.id(), created(item, "Tampered title"));
        EventEnvelope other = envelope(UUID.randomUUID(), updated(item, "JSC charter v2"));
        EventConsumer.Stats before = consumer.stats();

        assertEquals(3, consumer.applyAll(List.of(first, again, other)));

        assertEquals(List.of("Draft JSC charter", "JSC charter v2"), titles(item));
        assertEquals(before.applied() + 2, consumer.stats().applied());
        assertEquals(before.duplicates() + 1, consumer.stats().duplicates());
        assertEquals(List.of("APPLIED"), inboxStatus(first.id()));
    }

    @Test
    void aBatchRedeliveringAnAppliedEventAbsorbsItAndAppliesTheRest() {
        String item = UUID.randomUUID().toString();
        EventEnvelope first = envelope(UUID.randomUUID(), created(item, "v1"));
        assertEquals(1, consumer.applyAll(List.of(first)));
        EventConsumer.Stats before = consumer.stats();

        assertEquals(3, consumer.applyAll(List.of(first, envelope(UUID.randomUUID(), updated(item, "v2")),
                envelope(UUID.randomUUID(), updated(item, "v3")))));

        assertEquals(List.of("v1", "v2", "v3"), titles(item));
        assertEquals(before.applied() + 2, consumer.stats().applied());
        assertEquals(before.duplicates() + 1, consumer.stats().duplicates());
        assertEquals(List.of("APPLIED"), inboxStatus(first.id()));
    }

    @Test
    void aPoisonEventInTheMiddleIsParkedAndTheOthersTakeEffectInOrder() {
        String item = UUID.randomUUID().toString();
        String neighbour = UUID.randomUUID().toString();
        EventEnvelope poison = envelope(UUID.randomUUID(), updated(item, "poison: handler bug"));
        List<EventEnvelope> batch = List.of(
                envelope(UUID.randomUUID(), created(item, "v1")),
                envelope(UUID.randomUUID(), created(neighbour, "n1")),
                envelope(UUID.randomUUID(), updated(item, "v2")),
                poison,
                envelope(UUID.randomUUID(), updated(neighbour, "n2")),
                envelope(UUID.randomUUID(), updated(item, "v3")));
        EventConsumer.Stats before = consumer.stats();

        assertEquals(batch.size(), consumer.applyAll(batch));

        assertEquals(List.of("v1", "v2", "v3"), titles(item));
        assertEquals(List.of("n1", "n2"), titles(neighbour));
        assertEquals(List.of("FAILED"), inboxStatus(poison.id()));
        assertEquals(before.parked() + 1, consumer.stats().parked());
        // The failed batch left nothing behind: each of the five counted once, by the one-by-one pass.
        assertEquals(before.applied() + 5, consumer.stats().applied());
    }

    @Test
    void unreadableAndUnhandledRecordsInABatchAreSkipped() {
        String item = UUID.randomUUID().toString();
        EventEnvelope unhandled = new EventEnvelope(UUID.randomUUID(), "/entente/test", "io.entente.NobodyHandlesThis",
                item, OffsetDateTime.now(ZoneOffset.UTC), "ONC-HELIX", "{}".getBytes(StandardCharsets.UTF_8));
        EventConsumer.Stats before = consumer.stats();

        assertEquals(4, consumer.applyAll(Arrays.asList(envelope(UUID.randomUUID(), created(item, "v1")), null,
                unhandled, envelope(UUID.randomUUID(), updated(item, "v2")))));

        assertEquals(List.of("v1", "v2"), titles(item));
        assertEquals(before.ignored() + 2, consumer.stats().ignored());
    }

    @Test
    void batchesLargerThanTheBatchSizeAreSplitInOrder() {
        String item = UUID.randomUUID().toString();
        List<EventEnvelope> batch = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        batch.add(envelope(UUID.randomUUID(), created(item, "v0")));
        expected.add("v0");
        for (int i = 1; i < 250; i++) {
            batch.add(envelope(UUID.randomUUID(), updated(item, "v" + i)));
            expected.add("v" + i);
        }

        assertEquals(batch.size(), consumer.applyAll(batch));

        assertEquals(expected, titles(item));
    }

    @Test
    void throughTheBrokerAPoisonEventAmongOthersOfOneCommitIsParkedAndTheRestArriveInOrder() {
        String item = UUID.randomUUID().toString();
        UUID poison = QuarkusTransaction.requiringNew().call(() -> {
            changes.record(created(item, "v1"), null, null);
            changes.record(updated(item, "v2"), null, null);
            UUID id = changes.record(updated(item, "poison: handler bug"), null, null);
            changes.record(updated(item, "v3"), null, null);
            changes.record(updated(item, "v4"), null, null);
            return id;
        });

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(List.of("FAILED"), inboxStatus(poison));
            assertEquals(List.of("v1", "v2", "v3", "v4"), titles(item));
        });
    }

    private List<String> titles(String item) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select title from probe_effect where aggregate_id = ?1 order by id", String.class)
                .setParameter(1, item).getResultList());
    }

    private List<String> inboxStatus(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select status from inbox_event where event_id = ?1", String.class)
                .setParameter(1, eventId).getResultList());
    }

    private EventEnvelope envelope(UUID id, DomainEvent event) {
        return new EventEnvelope(id, "/entente/test", EventCatalog.typeOf(event.getClass()), event.aggregateId(),
                OffsetDateTime.now(ZoneOffset.UTC), event.allianceId(),
                codec.toJson(event).getBytes(StandardCharsets.UTF_8));
    }

    private static BacklogItemCreated created(String item, String title) {
        return new BacklogItemCreated(item, "ONC-HELIX", title, null, "GOVERNANCE", "TASK", 1, null, "NEW", "m", null);
    }

    private static BacklogItemUpdated updated(String item, String title) {
        return new BacklogItemUpdated(item, "ONC-HELIX", title, null, "GOVERNANCE", "TASK", 1, null, "NEW", null);
    }
}
