package io.entente.platform.observability;

import io.entente.platform.messaging.OutboxRelay;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The outbox as an operator sees it: rows waiting for Kafka, how long the oldest has waited, rows published and
 * relay failures. The two database figures are sampled on a timer of our own, not on scrape: several scrapers (two
 * Prometheus replicas, a curious admin) then cost one bounded query per interval, and a scrape never waits for the
 * database. Both queries read only the partial index of unpublished rows ({@code outbox_event_unpublished}).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    // Past this many waiting rows the exact number no longer matters; the bound keeps a long Kafka outage cheap.
    static final long PENDING_CAP = 1_000_000;

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final OutboxRelay relay;
    private final Duration interval;
    private volatile double pending;
    private volatile double oldestAgeSeconds;
    private ScheduledExecutorService sampler;

    public OutboxMetrics(MeterRegistry registry, DataSource dataSource, OutboxRelay relay,
                         @ConfigProperty(name = "entente.observability.outbox-sample-interval",
                                 defaultValue = "5s") Duration interval) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.relay = relay;
        this.interval = interval;
    }

    void start(@Observes StartupEvent startup) {
        Gauge.builder(MetricNames.OUTBOX_PENDING, this, m -> m.pending)
                .description("Outbox rows not yet published to Kafka (capped at " + PENDING_CAP + ")")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_OLDEST_AGE, this, m -> m.oldestAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        FunctionCounter.builder(MetricNames.OUTBOX_PUBLISHED, relay, OutboxRelay::publishedCount)
                .description("Outbox rows this instance published to Kafka")
                .register(registry);
        FunctionCounter.builder(MetricNames.OUTBOX_RELAY_FAILURES, relay, OutboxRelay::failureCount)
                .description("Relay rounds that failed to publish (the rows stay and are retried)")
                .register(registry);
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-metrics");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    void sample() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rs = statement.executeQuery("""
                    select (select count(*) from (select 1 from outbox_event where published_at is null
                                                  limit %d) waiting),
                           (select extract(epoch from clock_timestamp() - occurred_at) from outbox_event
                            where published_at is null order by id limit 1)""".formatted(PENDING_CAP))) {
                rs.next();
                pending = rs.getLong(1);
                double age = rs.getDouble(2);
                oldestAgeSeconds = rs.wasNull() ? 0 : Math.max(0, age);
            }
        } catch (Exception e) {
            // The last figures stay; the database being down shows in the pool and health metrics.
            LOG.debugf("could not sample the outbox: %s", e.toString());
        }
    }
}
