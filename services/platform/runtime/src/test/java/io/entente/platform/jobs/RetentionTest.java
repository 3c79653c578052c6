package io.entente.platform.jobs;

import io.entente.platform.messaging.BrokerAndDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A million outbox rows past the window are deleted in batches while writers keep inserting: the tables end bounded
 * (only what is inside the window, unpublished or parked is left) and the writers are never held up. The write
 * latency before and during the cleanup is printed, not asserted (this machine is shared).
 */
@QuarkusTest
@QuarkusTestResource(BrokerAndDatabase.class)
class RetentionTest {

    private static final String MARK = "retention-test";

    @Inject
    Retention retention;

    @Inject
    DataSource dataSource;

    @Test
    void aMillionOldRowsAreDeletedInBatchesWhileWritersGoOn() throws Exception {
        int old = 1_000_000;
        execute("""
                insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, payload,
                                          occurred_at, published_at)
                select gen_random_uuid(), '%1$s', 'agg-' || i, 'Probe', 'probe.events', '{}',
                       now() - interval '30 days', now() - interval '30 days' + i * interval '1 ms'
                from generate_series(1, %2$d) i""".formatted(MARK, old));
        execute("""
                insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, payload,
                                          occurred_at, published_at)
                select gen_random_uuid(), '%s', 'recent-' || i, 'Probe', 'probe.events', '{}',
                       now() - interval '1 day', now() - interval '1 day'
                from generate_series(1, 1000) i""".formatted(MARK));
        execute("""
                insert into inbox_event (event_id, event_type, aggregate_id, received_at, status, error)
                select gen_random_uuid(), 'Probe', '%s',  now() - interval '30 days',
                       case when i <= 50 then 'FAILED' else 'APPLIED' end, null
                from generate_series(1, 100000) i""".formatted(MARK));
        execute("""
                insert into inbox_event (event_id, event_type, aggregate_id, received_at, status)
                select gen_random_uuid(), 'Probe', '%s', now() - interval '1 day', 'APPLIED'
                from generate_series(1, 500) i""".formatted(MARK));
        execute("analyze outbox_event; analyze inbox_event");

        List<Long> before = write(200, null);

        AtomicBoolean cleaning = new AtomicBoolean(true);
        List<Long> during = new ArrayList<>();
        CompletableFuture<List<Long>> writer = CompletableFuture.supplyAsync(() -> write(Integer.MAX_VALUE, cleaning));
        long started = System.nanoTime();
        Retention.Result result;
        try {
            result = retention.purge();
        } finally {
            cleaning.set(false);
        }
        long cleanupMillis = (System.nanoTime() - started) / 1_000_000;
        during.addAll(writer.get(60, TimeUnit.SECONDS));

        assertTrue(result.outbox() >= old, "outbox rows deleted: " + result.outbox());
        assertTrue(result.inbox() >= 100_000 - 50, "inbox rows deleted: " + result.inbox());
        assertEquals(1000 + before.size() + during.size(),
                count("select count(*) from outbox_event where aggregate_type = '" + MARK + "'"),
                "inside the window: the recent rows and everything written meanwhile");
        assertEquals(50, count("select count(*) from inbox_event where aggregate_id = '" + MARK
                + "' and status = 'FAILED'"), "parked events stay");
        assertEquals(550, count("select count(*) from inbox_event where aggregate_id = '" + MARK + "'"));
        assertTrue(!during.isEmpty(), "writers went on while the cleanup ran");

        System.out.printf("retention: %,d outbox + %,d inbox rows deleted in %,d ms (%,d rows/s); write latency"
                        + " before p50 %.2f ms p99 %.2f ms (%d writes), during p50 %.2f ms p99 %.2f ms max %.2f ms"
                        + " (%d writes)%n", result.outbox(), result.inbox(), cleanupMillis,
                (result.outbox() + result.inbox()) * 1000 / Math.max(1, cleanupMillis),
                percentile(before, 50), percentile(before, 99), before.size(), percentile(during, 50),
                percentile(during, 99), percentile(during, 100), during.size());
    }

    /** Inserts published outbox rows one transaction each, as writers do; returns each write's nanoseconds. */
    private List<Long> write(int max, AtomicBoolean whileTrue) {
        List<Long> nanos = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, payload,
                                               occurred_at, published_at)
                     values (gen_random_uuid(), ?, 'new', 'Probe', 'probe.events', '{}', now(), now())""")) {
            c.setAutoCommit(true);
            s.setString(1, MARK);
            for (int i = 0; i < max && (whileTrue == null || whileTrue.get()); i++) {
                long t = System.nanoTime();
                s.executeUpdate();
                nanos.add(System.nanoTime() - t);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return nanos;
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100d * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
