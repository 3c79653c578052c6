package io.entente.platform.jobs;

import io.entente.platform.config.RetentionConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes published outbox rows and applied inbox rows older than {@code entente.retention.window}, oldest first,
 * in batches of {@code entente.retention.batch-size}, each its own short transaction: writers insert new rows and
 * the relay marks unpublished ones, neither of which a batch touches, so nobody waits on the cleanup. Parked inbox
 * rows (FAILED) stay. Runs on one replica per tick (ClusterJobs).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    public record Result(long outbox, long inbox, long buckets) {
    }

    private static final String OUTBOX = """
            delete from outbox_event where id in (
                select id from outbox_event where published_at < ? order by published_at limit ?)""";
    private static final String INBOX = """
            delete from inbox_event where event_id in (
                select event_id from inbox_event where status = 'APPLIED' and received_at < ?
                order by received_at limit ?)""";
    // A bucket idle for longer than it takes to refill completely holds no information; a day is far beyond that.
    private static final String BUCKETS = """
            delete from rate_limit_bucket where user_id in (
                select user_id from rate_limit_bucket where updated_at < ? limit ?)""";

    private final DataSource dataSource;
    private final ClusterJobs jobs;
    private final RetentionConfig config;
    private final Clock clock;

    public Retention(DataSource dataSource, ClusterJobs jobs, RetentionConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "platform-retention", every = "${entente.retention.every:10m}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        jobs.runOncePer("platform-retention", config.every(), () -> {
            Result result = purge();
            if (result.outbox() + result.inbox() > 0) {
                LOG.infof("retention: %d outbox and %d inbox rows older than %s deleted", result.outbox(),
                        result.inbox(), config.window());
            }
        });
    }

    /** One cleanup as of the clock's now; deletes until nothing older than the window is left. */
    public Result purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.window());
        return new Result(deleteInBatches(OUTBOX, cutoff), deleteInBatches(INBOX, cutoff),
                deleteInBatches(BUCKETS, now.minus(Duration.ofDays(1))));
    }

    private long deleteInBatches(String sql, Instant cutoff) {
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                s.setInt(2, config.batchSize());
                int deleted;
                do {
                    deleted = s.executeUpdate();
                    total += deleted;
                } while (deleted == config.batchSize());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("retention stopped after " + total + " rows: " + e.getMessage(), e);
        }
        return total;
    }
}
