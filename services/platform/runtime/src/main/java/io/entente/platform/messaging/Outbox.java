package io.entente.platform.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Queues an event in the caller's transaction; the {@link OutboxRelay} publishes it once that transaction has
 * committed. Never save-then-send: if the transaction rolls back, the event was never queued.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    /** Rows per JDBC batch in {@link #appendAll}. */
    static final int BATCH = 500;

    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

    private final EntityManager em;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager em, EventCodec codec, OutboxRelay relay,
                  TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.codec = codec;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Queues {@code event} under {@code eventId} on its catalogued topic. */
    public void append(UUID eventId, DomainEvent event, OffsetDateTime occurredAt) {
        Class<? extends DomainEvent> type = event.getClass();
        // The relay publishes on its own thread after the commit: the trace goes with the row.
        String[] trace = EventTracing.current();
        em.createNativeQuery("""
                        insert into outbox_event (event_id, aggregate_type, aggregate_id, alliance_id, event_type,
                                                  topic, payload, occurred_at, traceparent, tracestate)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, eventId)
                .setParameter(2, EventCatalog.aggregateOf(type))
                .setParameter(3, event.aggregateId())
                .setParameter(4, event.allianceId())
                .setParameter(5, EventCatalog.typeOf(type))
                .setParameter(6, EventCatalog.topicOf(type))
                .setParameter(7, codec.toJson(event))
                .setParameter(8, occurredAt)
                .setParameter(9, trace[0])
                .setParameter(10, trace[1])
                .executeUpdate();
        wakeRelayAfterCommit();
    }

    /**
     * Queues many events in JDBC batches, for bulk changes (an import) where one statement per event would cost
     * more than the change itself. Flushes the persistence context first, so pending rows precede their events.
     */
    public void appendAll(List<UUID> eventIds, List<? extends DomainEvent> events, OffsetDateTime occurredAt) {
        if (events.isEmpty()) {
            return;
        }
        em.flush();
        String[] trace = EventTracing.current();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, aggregate_type, aggregate_id, alliance_id, event_type,
                                              topic, payload, occurred_at, traceparent, tracestate)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < events.size(); i++) {
                    DomainEvent event = events.get(i);
                    Class<? extends DomainEvent> type = event.getClass();
                    insert.setObject(1, eventIds.get(i));
                    insert.setString(2, EventCatalog.aggregateOf(type));
                    insert.setString(3, event.aggregateId());
                    insert.setString(4, event.allianceId());
                    insert.setString(5, EventCatalog.typeOf(type));
                    insert.setString(6, EventCatalog.topicOf(type));
                    insert.setString(7, codec.toJson(event));
                    insert.setObject(8, occurredAt);
                    insert.setString(9, trace[0]);
                    insert.setString(10, trace[1]);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
    }

    // One wake-up per transaction, after it commits: the relay must never see a row it could not read yet.
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
