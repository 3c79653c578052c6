package io.entente.platform.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.entente.events.DomainEvent;
import io.entente.events.EventCatalog;
import io.entente.events.EventEnvelope;
import io.entente.platform.config.KafkaSettings;
import io.entente.platform.config.MessagingConfig;
import io.entente.platform.db.DatabaseUnavailable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.entente.platform.observability.ConsumerMetrics;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies other services' events to this service's read models, each exactly once in effect: the inbox row and the
 * handler's changes commit together, and the offset is committed only after that. A redelivery finds the inbox row
 * and changes nothing. The events of a poll are applied in batches, one transaction each (a commit per event was
 * most of the cost of an event); a batch that fails is applied again one event per transaction. An event that keeps
 * failing is parked in the inbox as FAILED so that the partition moves on; while the database itself is down nothing
 * is parked, the consumer rewinds and waits.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    /** Log context key: the event being applied, in every line logged while a handler runs. */
    public static final String EVENT_ID = "eventId";

    private final Instance<EventHandler> handlerBeans;
    private final EventCodec codec;
    private final EntityManager em;
    private final TopicProvisioner topics;
    private final KafkaSettings kafka;
    private final MessagingConfig.Consumer config;
    private final EventTracing tracing;
    private final String groupId;
    private final ConsumerMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();

    private final Map<String, List<EventHandler>> handlers = new HashMap<>();
    private volatile KafkaConsumer<String, CloudEvent> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean polling;

    public EventConsumer(Instance<EventHandler> handlerBeans, EventCodec codec, EntityManager em,
                         TopicProvisioner topics, KafkaSettings kafka, MessagingConfig config, EventTracing tracing,
                         @ConfigProperty(name = "quarkus.application.name") String application,
                         ConsumerMetrics metrics) {
        this.handlerBeans = handlerBeans;
        this.metrics = metrics;
        this.codec = codec;
        this.em = em;
        this.topics = topics;
        this.kafka = kafka;
        this.config = config.consumer();
        this.tracing = tracing;
        this.groupId = config.consumer().groupId().orElse(application);
    }

    void start(@Observes StartupEvent startup) {
        for (EventHandler handler : handlerBeans) {
            for (Class<? extends DomainEvent> type : handler.handles()) {
                handlers.computeIfAbsent(EventCatalog.typeOf(type), t -> new ArrayList<>()).add(handler);
            }
        }
        if (!config.enabled() || handlers.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        stopped.countDown();
        KafkaConsumer<String, CloudEvent> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    public Set<String> topics() {
        Set<String> names = new TreeSet<>();
        handlers.keySet().forEach(type -> EventCatalog.classOf(type).map(EventCatalog::topicOf).ifPresent(names::add));
        return names;
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** True once the consumer has joined its group and polls. */
    public boolean isPolling() {
        return polling;
    }

    public Stats stats() {
        return new Stats(applied.get(), duplicates.get(), parked.get(), ignored.get());
    }

    /** Events applied, redeliveries absorbed, events parked as failed, events of types nobody here handles. */
    public record Stats(long applied, long duplicates, long parked, long ignored) {
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, CloudEvent> c = newConsumer()) {
                consumer = c;
                topics.ensure(topics());
                c.subscribe(topics());
                while (running) {
                    ConsumerRecords<String, CloudEvent> records = c.poll(Duration.ofMillis(500));
                    polling = true;
                    metrics.lag(groupId, c);
                    if (!records.isEmpty()) {
                        processBatch(c, records);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                polling = false;
                LOG.warnf("event consumer restarting after failure: %s", e.toString());
                pause(Duration.ofSeconds(2));
            } finally {
                consumer = null;
            }
        }
    }

    private void processBatch(KafkaConsumer<String, CloudEvent> c, ConsumerRecords<String, CloudEvent> records) {
        List<ConsumerRecord<String, CloudEvent>> polled = new ArrayList<>(records.count());
        List<EventEnvelope> envelopes = new ArrayList<>(records.count());
        Map<EventEnvelope, Delivery> deliveries = new IdentityHashMap<>(records.count());
        for (ConsumerRecord<String, CloudEvent> record : records) {
            polled.add(record);
            EventEnvelope envelope = read(record);
            envelopes.add(envelope);
            if (envelope != null) {
                Context producer = tracing.extract(record.headers());
                deliveries.put(envelope, new Delivery(record.topic(), producer, EventTracing.traceparentOf(producer)));
            }
        }
        int done = applyAll(envelopes, deliveries);
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : polled.subList(0, done)) {
            offsets.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        if (done < polled.size()) {
            if (!offsets.isEmpty()) {
                c.commitSync(offsets);
            }
            // The database is unreachable: rewind every partition to its first unapplied record and try again after
            // a pause.
            for (TopicPartition p : records.partitions()) {
                OffsetAndMetadata next = offsets.get(p);
                c.seek(p, next != null ? next.offset() : records.records(p).get(0).offset());
            }
            pause(Duration.ofSeconds(1));
        } else {
            // The effects are committed already; waiting for the broker to store the offsets would only hold up the
            // next poll. close() still waits for commits in flight; one that gets lost means a redelivery, which the
            // inbox absorbs.
            c.commitAsync(offsets, (committed, e) -> {
                if (e != null) {
                    LOG.debugf("offset commit failed, the events will be redelivered and absorbed: %s", e.toString());
                }
            });
        }
    }

    /** Null for a record that is no CloudEvent we can read; it is skipped. */
    private EventEnvelope read(ConsumerRecord<String, CloudEvent> record) {
        try {
            return codec.toEnvelope(record.value());
        } catch (RuntimeException e) {
            LOG.errorf("skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e);
            return null;
        }
    }

    /**
     * Applies events in the order given (a poll: per partition, in offset order), up to batch-size of them per
     * transaction. If a transaction fails, nothing of it stays and its events are applied again one by one, each in
     * its own transaction with retries, so that a poison event is parked alone and the others take effect.
     *
     * @param envelopes null for an unreadable record
     * @return how many events from the start are done (applied, absorbed as duplicates, parked or ignored); fewer
     * than all only while the database is unreachable
     */
    int applyAll(List<EventEnvelope> envelopes) {
        return applyAll(envelopes, new IdentityHashMap<>());
    }

    /** How a record arrived: its topic and the producer's trace context, for the handling's span. */
    private record Delivery(String topic, Context producer, String traceparent) {
        static final Delivery NONE = new Delivery(null, Context.root(), null);
    }

    private int applyAll(List<EventEnvelope> envelopes, Map<EventEnvelope, Delivery> deliveries) {
        int done = 0;
        while (done < envelopes.size()) {
            int end = Math.min(envelopes.size(), done + config.batchSize());
            List<EventEnvelope> batch = envelopes.subList(done, end);
            if (applyTogether(batch, deliveries)) {
                done = end;
                continue;
            }
            for (EventEnvelope envelope : batch) {
                if (!applyWithRetries(envelope, deliveries.getOrDefault(envelope, Delivery.NONE))) {
                    return done;
                }
                done++;
            }
        }
        return done;
    }

    /** One transaction for the whole batch; false, with nothing applied, if any event of it failed. */
    private boolean applyTogether(List<EventEnvelope> batch, Map<EventEnvelope, Delivery> deliveries) {
        List<EventEnvelope> handled = batch.stream().filter(e -> e != null && handlers.containsKey(e.type())).toList();
        if (handled.size() < 2) {
            return false;
        }
        int[] outcome = new int[2];
        List<String> appliedTypes = new ArrayList<>();
        List<String> duplicateTypes = new ArrayList<>();
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outcome[0] = 0;
                outcome[1] = 0;
                appliedTypes.clear();
                duplicateTypes.clear();
                Set<UUID> unseen = notInInbox(handled);
                List<EventEnvelope> fresh = new ArrayList<>(handled.size());
                for (EventEnvelope envelope : handled) {
                    boolean applies = applyInTransaction(envelope, handlers.get(envelope.type()),
                            deliveries.getOrDefault(envelope, Delivery.NONE), unseen.remove(envelope.id()));
                    if (applies) {
                        fresh.add(envelope);
                    }
                    outcome[applies ? 0 : 1]++;
                    (applies ? appliedTypes : duplicateTypes).add(envelope.type());
                }
                recordInInbox(fresh, deliveries);
            });
        } catch (RuntimeException e) {
            LOG.infof("a batch of %d events failed, applying them one by one: %s", handled.size(), e.toString());
            return false;
        } finally {
            requests.terminate();
        }
        // Counted only once committed: a rolled-back batch is applied again one by one.
        applied.addAndGet(outcome[0]);
        duplicates.addAndGet(outcome[1]);
        ignored.addAndGet(batch.size() - handled.size());
        appliedTypes.forEach(type -> metrics.applied(groupId, type));
        duplicateTypes.forEach(type -> metrics.duplicate(groupId, type));
        return true;
    }

    /** False only when the event could neither be applied nor parked. */
    private boolean applyWithRetries(EventEnvelope envelope, Delivery delivery) {
        if (envelope == null) {
            ignored.incrementAndGet();
            return true;
        }
        List<EventHandler> targets = handlers.get(envelope.type());
        if (targets == null) {
            ignored.incrementAndGet();
            return true;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= config.maxAttempts() && running; attempt++) {
            try {
                apply(envelope, targets, delivery);
                return true;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("applying %s %s failed (attempt %d): %s", envelope.type(), envelope.id(), attempt, e);
                pause(Duration.ofMillis(100L << Math.min(attempt, 5)));
            }
        }
        if (last != null && DatabaseUnavailable.isCause(last)) {
            // The event is not at fault: parking it now, when the database answers again, would lose it. The caller
            // rewinds and the event is tried again once the database is back.
            LOG.warnf("database unavailable while applying %s %s; waiting for it", envelope.type(), envelope.id());
            return false;
        }
        return park(envelope, last, delivery);
    }

    private void apply(EventEnvelope envelope, List<EventHandler> targets, Delivery delivery) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            boolean fresh = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(envelope, targets,
                    delivery, null));
            (fresh ? applied : duplicates).incrementAndGet();
            if (fresh) {
                metrics.applied(groupId, envelope.type());
            } else {
                metrics.duplicate(groupId, envelope.type());
            }
        } finally {
            requests.terminate();
        }
    }

    /**
     * The batch's events that are not in the inbox yet, in one round trip: per event, a statement of its own was
     * most of what applying a batch cost while the database is busy.
     */
    private Set<UUID> notInInbox(List<EventEnvelope> batch) {
        Set<UUID> unseen = new HashSet<>();
        batch.forEach(envelope -> unseen.add(envelope.id()));
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select event_id from inbox_event where event_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", unseen.toArray()));
                try (ResultSet seen = select.executeQuery()) {
                    while (seen.next()) {
                        unseen.remove(seen.getObject(1, UUID.class));
                    }
                }
            }
        });
        return unseen;
    }

    /**
     * The inbox rows of a batch's applied events, written after their handlers in one JDBC batch, so received_at is
     * when the batch's work was done. Another instance may have applied one of them since {@link #notInInbox} (a
     * rebalance): then the batch rolls back and its events are applied one by one, which finds that event's row.
     */
    private void recordInInbox(List<EventEnvelope> applied, Map<EventEnvelope, Delivery> deliveries) {
        if (applied.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_event (event_id, event_type, aggregate_id, status, received_at, traceparent)
                    values (?, ?, ?, 'APPLIED', clock_timestamp(), ?) on conflict (event_id) do nothing""")) {
                for (EventEnvelope envelope : applied) {
                    insert.setObject(1, envelope.id());
                    insert.setString(2, envelope.type());
                    insert.setString(3, envelope.subject());
                    insert.setString(4, deliveries.getOrDefault(envelope, Delivery.NONE).traceparent());
                    insert.addBatch();
                }
                for (int rows : insert.executeBatch()) {
                    if (rows == 0) {
                        throw new IllegalStateException("an event of the batch was applied elsewhere meanwhile");
                    }
                }
            }
        });
    }

    /**
     * The handlers' changes, in the caller's transaction. False for an event already in the inbox (a redelivery, or
     * the same event twice in one batch): nothing is changed. {@code fresh} null: the inbox row is written first and
     * tells; otherwise the caller has looked in the inbox and writes the row.
     */
    private boolean applyInTransaction(EventEnvelope envelope, List<EventHandler> targets, Delivery delivery,
                                       Boolean fresh) {
        MDC.put(EVENT_ID, String.valueOf(envelope.id()));
        try {
            return applyInTransactionTraced(envelope, targets, delivery, fresh);
        } finally {
            MDC.remove(EVENT_ID);
        }
    }

    private boolean applyInTransactionTraced(EventEnvelope envelope, List<EventHandler> targets,
                                              Delivery delivery, Boolean fresh) {
        // Current while the handlers run, so that the events they queue in the outbox continue the same trace.
        Span span = tracing.startProcess(delivery.producer(), envelope, delivery.topic());
        try (Scope scope = span.makeCurrent()) {
            if (fresh == null) {
                fresh = insertInboxRow(envelope, delivery);
            }
            if (!fresh) {
                span.setAttribute("entente.duplicate", true);
                return false;
            }
            DomainEvent event = codec.decode(envelope);
            for (EventHandler handler : targets) {
                handler.handle(event, envelope);
            }
            return true;
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** False if the event is in the inbox already. */
    private boolean insertInboxRow(EventEnvelope envelope, Delivery delivery) {
        // clock_timestamp(), not now(): when this event's turn came, not when the transaction began.
        return em.createNativeQuery("""
                        insert into inbox_event (event_id, event_type, aggregate_id, status, received_at,
                                                 traceparent)
                        values (?1, ?2, ?3, 'APPLIED', clock_timestamp(), ?4)
                        on conflict (event_id) do nothing""")
                .setParameter(1, envelope.id())
                .setParameter(2, envelope.type())
                .setParameter(3, envelope.subject())
                .setParameter(4, delivery.traceparent())
                .executeUpdate() > 0;
    }

    private boolean park(EventEnvelope envelope, RuntimeException cause, Delivery delivery) {
        if (!running) {
            return false;
        }
        try {
            int inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            insert into inbox_event (event_id, event_type, aggregate_id, status, error, traceparent)
                            values (?1, ?2, ?3, 'FAILED', ?4, ?5) on conflict (event_id) do nothing""")
                    .setParameter(1, envelope.id())
                    .setParameter(2, envelope.type())
                    .setParameter(3, envelope.subject())
                    .setParameter(4, String.valueOf(cause))
                    .setParameter(5, delivery.traceparent())
                    .executeUpdate());
            if (inserted == 0) {
                // Already in the inbox: an earlier delivery took effect (or was parked) meanwhile.
                duplicates.incrementAndGet();
                metrics.duplicate(groupId, envelope.type());
                return true;
            }
            parked.incrementAndGet();
            metrics.parked(groupId, envelope.type());
            LOG.errorf("parked %s %s after %d attempts: %s", envelope.type(), envelope.id(), config.maxAttempts(), cause);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("cannot reach the database to park %s: %s", envelope.id(), e.toString());
            return false;
        }
    }

    private KafkaConsumer<String, CloudEvent> newConsumer() {
        Map<String, Object> settings = kafka.base();
        settings.put("group.id", groupId);
        settings.put("enable.auto.commit", false);
        settings.put("auto.offset.reset", "earliest");
        settings.put("max.poll.records", config.maxPollRecords());
        settings.put("isolation.level", "read_committed");
        settings.put("client.id", groupId + "-consumer");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new CloudEventDeserializer());
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
