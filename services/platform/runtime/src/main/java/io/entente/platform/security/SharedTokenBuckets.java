package io.entente.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The write limit's token buckets in the service's database ({@code rate_limit_bucket}), so that every replica takes
 * from the same bucket and the limit does not grow with the number of replicas. One statement per write, in a short
 * transaction of its own before the write's: it refills the bucket by the time passed since its last update and
 * takes a token if there is one. Concurrent writes of one user queue on the row for that statement only, and the
 * database's clock is the only one, so replicas whose clocks differ agree.
 * <p>
 * While the database cannot be reached the replica falls back to its own buckets ({@link TokenBuckets}): the write
 * itself will fail then anyway, and the limit must not turn that into a 429.
 */
@ApplicationScoped
public class SharedTokenBuckets {

    private static final Logger LOG = Logger.getLogger(SharedTokenBuckets.class);

    // now(), not clock_timestamp(): one instant per statement. A statement that started before a concurrent one
    // committed may see a later updated_at; greatest(0, ...) keeps it from refilling backwards.
    private static final String REFILLED =
            "least(?, b.tokens + greatest(0, extract(epoch from now() - b.updated_at)) * ?)";
    private static final String TAKE = """
            insert into rate_limit_bucket as b (user_id, tokens, granted, updated_at) values (?, ?, true, now())
            on conflict (user_id) do update set
                granted = %1$s >= 1,
                tokens = case when %1$s >= 1 then %1$s - 1 else %1$s end,
                updated_at = now()
            returning granted, tokens""".formatted(REFILLED);

    private final DataSource dataSource;
    private final double perSecond;
    private final int capacity;
    private final TokenBuckets fallback;

    public SharedTokenBuckets(DataSource dataSource, RateLimitConfig config) {
        this.dataSource = dataSource;
        this.perSecond = config.writesPerSecond();
        this.capacity = config.burst();
        this.fallback = new TokenBuckets(perSecond, capacity, System::nanoTime);
    }

    /**
     * Takes one token for {@code user}.
     *
     * @return 0 when the call may proceed, otherwise the whole seconds (at least 1) until a token is available
     */
    public long tryAcquire(String user) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(TAKE)) {
                s.setString(1, user);
                s.setDouble(2, capacity - 1d);
                for (int i = 0; i < 4; i++) {
                    s.setDouble(3 + 2 * i, capacity);
                    s.setDouble(4 + 2 * i, perSecond);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return 0;
                    }
                    return Math.max(1, (long) Math.ceil((1 - r.getDouble(2)) / perSecond));
                }
            }
        } catch (SQLException e) {
            LOG.debugf("shared write limit unavailable, this replica's own buckets decide: %s", e.toString());
            return fallback.tryAcquire(user);
        }
    }
}
