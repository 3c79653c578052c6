package io.entente.platform.jobs;

import io.entente.platform.messaging.BrokerAndDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of a service are two processes with their own connections to one database; here they are two threads
 * with their own connections, which is what the lock and the tick record see.
 */
@QuarkusTest
@QuarkusTestResource(BrokerAndDatabase.class)
class ClusterJobsTest {

    // Long enough that no test straddles two periods.
    private static final Duration PERIOD = Duration.ofDays(3650);

    @Inject
    ClusterJobs jobs;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void twoReplicasFiringInOneTickRunTheJobOnce() throws Exception {
        String job = "job-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ClusterJobs.Outcome> first = CompletableFuture.supplyAsync(() -> jobs.runOncePer(job, PERIOD,
                () -> {
                    runs.incrementAndGet();
                    started.countDown();
                    await(release);
                }));
        assertTrue(started.await(20, TimeUnit.SECONDS));

        // The second replica fires while the first is still at work, then again after it finished.
        ClusterJobs.Outcome meanwhile = CompletableFuture.supplyAsync(() -> jobs.runOncePer(job, PERIOD,
                runs::incrementAndGet)).get(20, TimeUnit.SECONDS);
        release.countDown();
        assertEquals(ClusterJobs.Outcome.RAN, first.get(20, TimeUnit.SECONDS));
        ClusterJobs.Outcome after = CompletableFuture.supplyAsync(() -> jobs.runOncePer(job, PERIOD,
                runs::incrementAndGet)).get(20, TimeUnit.SECONDS);

        assertEquals(ClusterJobs.Outcome.BUSY, meanwhile);
        assertEquals(ClusterJobs.Outcome.DONE_THIS_PERIOD, after);
        assertEquals(1, runs.get());
        // The next period is a new tick.
        assertEquals(ClusterJobs.Outcome.RAN, jobs.runOncePer(job + "-short", Duration.ofMillis(1), runs::incrementAndGet));
    }

    @Test
    void aReplicaThatDiesMidJobLeavesTheTickToTheNextOne() throws Exception {
        String job = "job-" + UUID.randomUUID();
        // The "replica" holding the job: its own session, as a process of its own would have.
        Connection dying = DriverManager.getConnection(url, "postgres", "postgres");
        dying.setAutoCommit(false);
        try (PreparedStatement s = dying.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext('entente.jobs'), hashtext(?))")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertTrue(r.getBoolean(1));
            }
        }
        AtomicInteger runs = new AtomicInteger();
        assertEquals(ClusterJobs.Outcome.BUSY, jobs.runOncePer(job, PERIOD, runs::incrementAndGet));

        // The process dies: its connection closes without a commit, and PostgreSQL drops the lock with it as soon
        // as the server has seen the socket close.
        dying.close();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> jobs.runOncePer(job, PERIOD, runs::incrementAndGet) == ClusterJobs.Outcome.RAN);
        assertEquals(1, runs.get());
    }

    @Test
    void aJobThatFailsIsTriedAgainInTheSameTick() {
        String job = "job-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> jobs.runOncePer(job, PERIOD, () -> {
            throw new IllegalStateException("mail server down");
        }));
        AtomicInteger runs = new AtomicInteger();
        assertEquals(ClusterJobs.Outcome.RAN, jobs.runOncePer(job, PERIOD, runs::incrementAndGet));
        assertEquals(1, runs.get());
    }

    @Test
    void periodsAreReadLikeScheduledEvery() {
        assertEquals(Duration.ofMinutes(15), ClusterJobs.period("15m"));
        assertEquals(Duration.ofHours(1), ClusterJobs.period("1h"));
        assertEquals(Duration.ofDays(2), ClusterJobs.period("2d"));
        assertEquals(Duration.ofSeconds(30), ClusterJobs.period("30"));
        assertEquals(Duration.ofSeconds(5), ClusterJobs.period("PT5S"));
        assertEquals(Instant.parse("2026-12-06T15:45:00Z"),
                ClusterJobs.periodStart(Instant.parse("2026-12-06T15:52:13Z"), Duration.ofMinutes(15)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
