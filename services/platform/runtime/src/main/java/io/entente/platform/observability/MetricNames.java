package io.entente.platform.observability;

import java.util.List;

/**
 * The business metrics every service exports, as Micrometer names. Prometheus sees them with dots as underscores,
 * counters ending in {@code _total} and the unit appended ({@link #PROMETHEUS}); the alert rules and dashboards under
 * deploy/ use those names, and deploy/validation checks them against this list.
 */
public final class MetricNames {

    public static final String OUTBOX_PENDING = "entente.outbox.pending";
    public static final String OUTBOX_OLDEST_AGE = "entente.outbox.oldest.unpublished.age";
    public static final String OUTBOX_PUBLISHED = "entente.outbox.published";
    public static final String OUTBOX_RELAY_FAILURES = "entente.outbox.relay.failures";
    public static final String EVENTS_APPLIED = "entente.events.applied";
    public static final String EVENTS_DUPLICATES = "entente.events.duplicates";
    public static final String EVENTS_PARKED = "entente.events.parked";
    public static final String CONSUMER_LAG = "entente.consumer.lag";
    public static final String PACKET_RENDER = "entente.packet.render";
    /** Scheduler ticks of a replicated job, by outcome (ran, busy, done_this_period); see ClusterJobs. */
    public static final String JOB_TICKS = "entente.jobs.ticks";
    /** Timer: the per-user write limit's check of one write (the shared bucket's statement), limited or not. */
    public static final String RATE_LIMIT_CHECK = "entente.rate.limit.check";

    /** Tag: the consumer group (the service's name unless configured otherwise). */
    public static final String CONSUMER = "consumer";
    /** Tag: the event type, e.g. {@code BacklogItemCreated}. */
    public static final String TYPE = "type";
    public static final String TOPIC = "topic";
    /** Tag on every meter: the service ({@code quarkus.application.name}). */
    public static final String APPLICATION = "application";
    /** Tags of {@link #JOB_TICKS}: the job's name and what this replica did in the tick. */
    public static final String JOB = "job";
    public static final String OUTCOME = "outcome";

    /** The names as Prometheus shows them (without the _count/_sum/_bucket suffixes of timers). */
    public static final List<String> PROMETHEUS = List.of(
            "entente_outbox_pending",
            "entente_outbox_oldest_unpublished_age_seconds",
            "entente_outbox_published_total",
            "entente_outbox_relay_failures_total",
            "entente_events_applied_total",
            "entente_events_duplicates_total",
            "entente_events_parked_total",
            "entente_consumer_lag",
            "entente_packet_render_seconds");

    private MetricNames() {
    }
}
