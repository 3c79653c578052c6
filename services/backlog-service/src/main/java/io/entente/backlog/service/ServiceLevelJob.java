package io.entente.backlog.service;

import io.entente.backlog.config.BacklogConfig;
import io.entente.platform.jobs.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the service-level generation regularly; idempotent, so how often only decides how soon a period's item appears. */
@ApplicationScoped
public class ServiceLevelJob {

    private static final Logger LOG = Logger.getLogger(ServiceLevelJob.class);

    private final ServiceLevelGeneration generation;
    private final ClusterJobs jobs;
    private final BacklogConfig config;

    public ServiceLevelJob(ServiceLevelGeneration generation, ClusterJobs jobs, BacklogConfig config) {
        this.generation = generation;
        this.jobs = jobs;
        this.config = config;
    }

    @Scheduled(every = "${entente.backlog.service-level-every:1h}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            jobs.runOncePer("backlog-service-levels", config.serviceLevelEvery(), () -> {
                ServiceLevelGeneration.Result result = generation.generate();
                if (result.created() > 0) {
                    LOG.infof("service levels: %d health checks and risk reviews generated", result.created());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("service-level generation failed; retried on the next run: %s", e.toString());
        }
    }

    public ServiceLevelGeneration.Result run() {
        return generation.generate();
    }
}
