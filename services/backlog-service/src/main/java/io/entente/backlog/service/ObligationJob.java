package io.entente.backlog.service;

import io.entente.backlog.config.BacklogConfig;
import io.entente.platform.jobs.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Opens obligations' preparation windows (backlog item + ObligationDue) and flags missed ones (ObligationMissed).
 * Idempotent: an obligation leaves the job's query once handled, so running it often costs nothing.
 */
@ApplicationScoped
public class ObligationJob {

    private static final Logger LOG = Logger.getLogger(ObligationJob.class);

    public record Result(int opened, int missed, int failed) {
    }

    private final ObligationService obligations;
    private final Clock clock;
    private final ClusterJobs jobs;
    private final BacklogConfig config;

    public ObligationJob(ObligationService obligations, Clock clock, ClusterJobs jobs, BacklogConfig config) {
        this.obligations = obligations;
        this.clock = clock;
        this.jobs = jobs;
        this.config = config;
    }

    @Scheduled(every = "${entente.backlog.obligation-sweep-every:15m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOncePerTick();
    }

    /**
     * What the scheduler calls on every replica: one replica sweeps per tick, the others skip. Its own request
     * context, so that a caller other than the scheduler (a test's thread standing in for a replica) can run it.
     */
    @ActivateRequestContext
    public ClusterJobs.Outcome runOncePerTick() {
        return jobs.runOncePer("backlog-obligation-sweep", config.obligationSweepEvery(), () -> {
            Result result = run();
            if (result.opened() + result.missed() + result.failed() > 0) {
                LOG.infof("obligation sweep: %d windows opened, %d missed, %d failed", result.opened(),
                        result.missed(), result.failed());
            }
        });
    }

    /** One sweep as of the clock's today; tests call it after moving the clock. */
    public Result run() {
        LocalDate today = LocalDate.now(clock);
        int opened = 0;
        int missed = 0;
        int failed = 0;
        for (UUID id : obligations.needingAttention(today)) {
            try {
                ObligationService.Sweep sweep = obligations.sweep(id, today);
                opened += sweep.opened() ? 1 : 0;
                missed += sweep.missed() ? 1 : 0;
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf("obligation %s could not be swept: %s", id, e.toString());
            }
        }
        return new Result(opened, missed, failed);
    }
}
