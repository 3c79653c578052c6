package io.entente.platform.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.entente.events.EventEnvelope;
import io.entente.platform.config.KafkaSettings;
import io.entente.platform.config.MessagingConfig;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, in commit order, on its own thread. A commit wakes it at once; a slow
 * poll catches the rest. What fails stays in the outbox and is retried with backoff, so writes keep being accepted
 * while Kafka is down. Consumers de-duplicate, so a row sent twice (crash between send and mark) does no harm.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // Only one relay per database publishes at a time, so two instances of a service cannot reorder events.
    private static final long RELAY_LOCK = 0x454e54454e5445L;

    private final EntityManager em;
    private final EventCodec codec;
    private final TopicProvisioner topics;
    private final KafkaSettings kafka;
    private final MessagingConfig.Relay config;
    private final EventTracing tracing;
    private final String source;
    private final Semaphore signal = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Producer<String, CloudEvent> producer;

    public OutboxRelay(EntityManager em, EventCodec codec, TopicProvisioner topics, KafkaSettings kafka,
                       MessagingConfig config, EventTracing tracing,
                       @ConfigProperty(name = "quarkus.application.name") String application) {
        this.em = em;
        this.codec = codec;
        this.topics = topics;
        this.kafka = kafka;
        this.config = config.relay();
        this.tracing = tracing;
        this.source = config.source().orElse("/entente/" + application);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        signal.release();
        if (thread != null) {
            thread.join(10_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that wrote outbox rows. */
    public void wake() {
        signal.release();
    }

    public long publishedCount() {
        return published.get();
    }

    public long failureCount() {
        return failures.get();
    }

    /** Rows not yet on Kafka; readiness reports it and tests wait for zero. */
    public long pending() {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox_event where published_at is null")
                .getSingleResult()).longValue());
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                Duration wait = backoff.isZero() ? config.pollInterval() : backoff;
                signal.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                int relayed;
                do {
                    relayed = relayBatch();
                } while (running && relayed >= config.batchSize());
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                backoff = backoff.isZero() ? Duration.ofMillis(250) : backoff.multipliedBy(2);
                if (backoff.compareTo(config.maxBackoff()) > 0) {
                    backoff = config.maxBackoff();
                }
                LOG.warnf("outbox relay could not publish, retrying in %d ms: %s", backoff.toMillis(), e.toString());
            }
        }
    }

    private int relayBatch() {
        RuntimeException[] failure = new RuntimeException[1];
        int sent = QuarkusTransaction.requiringNew().timeout(120).call(() -> publishBatch(failure));
        // Thrown after the commit, so the rows that did go out stay marked.
        if (failure[0] != null) {
            throw failure[0];
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private int publishBatch(RuntimeException[] failureOut) {
        // The lock and the rows in one round trip (the lock function is volatile, so the CTE runs once): this runs
        // once per commit at low rates, and every round trip is latency added to each event.
        List<Object[]> rows = em.createNativeQuery("""
                        with relay as (select pg_try_advisory_xact_lock(?1) as holds)
                        select id, event_id, aggregate_id, alliance_id, event_type, topic, payload, occurred_at,
                               traceparent, tracestate
                        from outbox_event, relay
                        where relay.holds and published_at is null order by id limit ?2""")
                .setParameter(1, RELAY_LOCK)
                .setParameter(2, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        topics.ensure(rows.stream().map(r -> (String) r[5]).toList());
        Producer<String, CloudEvent> p = producer();
        // Order per aggregate survives a failed send only if nothing sent after it gets through: once a record's
        // delivery times out (Kafka down longer than delivery.timeout.ms), the producer would go on to deliver the
        // later ones, and the failed row, sent again in the next round, would reach consumers after its successors.
        // Closing the producer from the failure callback aborts every later record (Kafka's documented way to keep
        // order after a failure); the next round starts a new producer from the first unpublished row.
        AtomicBoolean broken = new AtomicBoolean();
        Callback closeOnFailure = (metadata, e) -> {
            if (e != null && broken.compareAndSet(false, true)) {
                p.close(Duration.ZERO);
            }
        };
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        try {
            for (Object[] row : rows) {
                EventEnvelope envelope = new EventEnvelope((UUID) row[1], source, (String) row[4], (String) row[2],
                        toOffsetDateTime(row[7]), (String) row[3],
                        ((String) row[6]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                // The trace header goes beside the CloudEvents binary-mode headers the serializer adds.
                RecordHeaders headers = new RecordHeaders();
                Span span = tracing.startPublish((String) row[8], (String) row[9], (String) row[5],
                        row[1].toString(), (String) row[4], headers);
                Callback done = (metadata, e) -> {
                    if (e != null) {
                        EventTracing.failed(span, e);
                    }
                    span.end();
                    closeOnFailure.onCompletion(metadata, e);
                };
                try {
                    sends.add(p.send(new ProducerRecord<>((String) row[5], null, (String) row[2],
                            codec.toCloudEvent(envelope), headers), done));
                } catch (RuntimeException e) {
                    EventTracing.failed(span, e);
                    span.end();
                    throw e;
                }
            }
            p.flush();
        } catch (RuntimeException e) {
            // A send refused at once (metadata unavailable, or the producer just closed by a failure): the rows
            // handed over so far are judged below; the rest stay unpublished.
            closeOnFailure.onCompletion(null, e);
        }
        // Mark only the unbroken run of successes: a later row must not overtake an earlier one that failed.
        List<Long> sent = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                sent.add(((Number) rows.get(i)[0]).longValue());
            } catch (Exception e) {
                failure = new IllegalStateException("publishing outbox row " + rows.get(i)[0] + " failed", e);
                em.createNativeQuery("update outbox_event set attempts = attempts + 1, last_error = ?2 where id = ?1")
                        .setParameter(1, ((Number) rows.get(i)[0]).longValue())
                        .setParameter(2, String.valueOf(e.getCause() != null ? e.getCause() : e))
                        .executeUpdate();
                break;
            }
        }
        if (!sent.isEmpty()) {
            em.createNativeQuery("update outbox_event set published_at = now() where id in (?1)")
                    .setParameter(1, sent).executeUpdate();
            published.addAndGet(sent.size());
        }
        if (broken.get()) {
            producer = null;
            if (failure == null) {
                failure = new IllegalStateException("the producer failed; " + sent.size() + " of " + rows.size()
                        + " outbox rows went out, the rest follow with a new producer");
            }
        }
        failureOut[0] = failure;
        return sent.size();
    }

    private Producer<String, CloudEvent> producer() {
        if (producer == null) {
            Map<String, Object> settings = kafka.base();
            settings.put("acks", "all");
            settings.put("enable.idempotence", true);
            settings.put("max.in.flight.requests.per.connection", 5);
            settings.put("linger.ms", 2);
            settings.put("delivery.timeout.ms", 20_000);
            settings.put("max.block.ms", 5_000);
            settings.put("client.id", source.replace('/', '-').replaceFirst("^-", "") + "-relay");
            producer = new KafkaProducer<>(settings, new StringSerializer(), new CloudEventSerializer());
        }
        return producer;
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
