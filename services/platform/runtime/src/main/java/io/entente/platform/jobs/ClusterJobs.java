package io.entente.platform.jobs;

import io.entente.platform.observability.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Runs a scheduled job once per tick across all replicas of a service. Every replica's scheduler fires; the first to
 * arrive in a tick does the work, the others skip:
 * <ul>
 *   <li>A PostgreSQL advisory lock (transaction level, on a connection of its own) keeps two replicas from running
 *       the job at the same time. If the replica dies mid-job its connection closes and PostgreSQL drops the lock
 *       with it, so no lease has to expire and no row stays locked.</li>
 *   <li>{@code platform_job_run} remembers the last tick (time divided into periods of the job's {@code every})
 *       that completed, written in the lock's transaction when the work has finished. A replica whose own tick comes
 *       later in the same period finds it done and skips; a replica that died mid-job committed nothing, so the
 *       next replica to fire in that period does the work again (the jobs are idempotent sweeps).</li>
 * </ul>
 * The lock's transaction writes nothing until the end, so it has no transaction id and does not hold back vacuum
 * while the job runs; the job's own changes commit in their own transactions on other connections.
 *
 * <p>Each replica counts its outcomes ({@link MetricNames#JOB_TICKS}, tagged with job and outcome): summed over the
 * replicas, RAN grows by one per period however many replicas there are.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);

    public enum Outcome {
        /** This replica did the work. */
        RAN,
        /** Another replica is running the job right now. */
        BUSY,
        /** The job already completed in this period (on this or another replica). */
        DONE_THIS_PERIOD
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final MeterRegistry registry;

    public ClusterJobs(DataSource dataSource, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Runs {@code work} unless another replica is running {@code job} or it already ran in the current period.
     *
     * @param every the job's {@code @Scheduled(every = ...)} value ("30s", "15m", "1h", "1d"): the period length
     */
    public Outcome runOncePer(String job, String every, Runnable work) {
        return runOncePer(job, period(every), work);
    }

    public Outcome runOncePer(String job, Duration period, Runnable work) {
        Outcome outcome = attempt(job, period, work);
        registry.counter(MetricNames.JOB_TICKS, MetricNames.JOB, job, MetricNames.OUTCOME,
                outcome.name().toLowerCase(Locale.ROOT)).increment();
        return outcome;
    }

    private Outcome attempt(String job, Duration period, Runnable work) {
        Instant tick = periodStart(clock.instant(), period);
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                if (!tryLock(lock, job)) {
                    return Outcome.BUSY;
                }
                Instant last = lastTick(lock, job);
                if (last != null && !last.isBefore(tick)) {
                    return Outcome.DONE_THIS_PERIOD;
                }
                work.run();
                recordTick(lock, job, tick);
                lock.commit();
                return Outcome.RAN;
            } finally {
                // Releases the advisory lock whatever happened (a no-op after the commit).
                lock.rollback();
            }
        } catch (SQLException e) {
            LOG.warnf("job %s skipped this tick: %s", job, e.toString());
            return Outcome.BUSY;
        }
    }

    static Instant periodStart(Instant now, Duration period) {
        long length = Math.max(1, period.toMillis());
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /** Reads a duration the way Quarkus reads {@code @Scheduled(every)}: "30s", "15m", "1h", "2d", or ISO-8601. */
    static Duration period(String every) {
        String value = every.trim().toUpperCase(Locale.ROOT);
        if (value.startsWith("P")) {
            return Duration.parse(value);
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        return Duration.parse(value.endsWith("D") ? "P" + value : "PT" + value);
    }

    private static boolean tryLock(Connection c, String job) throws SQLException {
        // The two-key form: a key space of its own, apart from the single-key locks the services take.
        try (PreparedStatement s = c.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext('entente.jobs'), hashtext(?))")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static Instant lastTick(Connection c, String job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select last_tick from platform_job_run where job = ?")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        }
    }

    private static void recordTick(Connection c, String job, Instant tick) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into platform_job_run (job, last_tick, finished_at) values (?, ?, clock_timestamp())
                on conflict (job) do update set last_tick = excluded.last_tick, finished_at = excluded.finished_at""")) {
            s.setString(1, job);
            s.setObject(2, tick.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }
}
