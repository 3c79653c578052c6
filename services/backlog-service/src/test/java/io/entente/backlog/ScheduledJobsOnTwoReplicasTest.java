package io.entente.backlog;

import io.entente.backlog.service.ObligationJob;
import io.entente.platform.jobs.ClusterJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas' schedulers fire the obligation sweep at the same moment: each has its own connections to the one
 * database (here: two threads, each taking its own), and exactly one of them sweeps in the tick.
 */
@QuarkusTest
class ScheduledJobsOnTwoReplicasTest {

    @Inject
    ObligationJob job;

    @Inject
    DataSource dataSource;

    @Test
    void twoReplicasFiringTogetherSweepOncePerTick() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from platform_job_run where job = ?")) {
            s.setString(1, "backlog-obligation-sweep");
            s.executeUpdate();
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ClusterJobs.Outcome>> replicas = List.of(fire(go), fire(go));
        go.countDown();
        List<ClusterJobs.Outcome> outcomes = List.of(replicas.get(0).get(60, TimeUnit.SECONDS),
                replicas.get(1).get(60, TimeUnit.SECONDS));

        assertEquals(1, outcomes.stream().filter(o -> o == ClusterJobs.Outcome.RAN).count(), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(o -> o == ClusterJobs.Outcome.RAN
                || o == ClusterJobs.Outcome.BUSY || o == ClusterJobs.Outcome.DONE_THIS_PERIOD));
        // Either replica firing again in the same tick finds the sweep done.
        assertEquals(ClusterJobs.Outcome.DONE_THIS_PERIOD, job.runOncePerTick());
    }

    private CompletableFuture<ClusterJobs.Outcome> fire(CountDownLatch go) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return job.runOncePerTick();
        });
    }
}
