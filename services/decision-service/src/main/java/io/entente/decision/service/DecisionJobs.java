package io.entente.decision.service;

import io.entente.decision.config.DecisionConfig;
import io.entente.platform.jobs.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Dates move even when nobody touches a decision: prep deadlines approach and due dates pass. Both jobs are
 * idempotent, so running them more often changes nothing twice; ClusterJobs runs them on one replica per tick.
 */
@ApplicationScoped
public class DecisionJobs {

    private static final Logger LOG = Logger.getLogger(DecisionJobs.class);

    private final DecisionAutomation automation;
    private final ClusterJobs jobs;
    private final DecisionConfig config;

    public DecisionJobs(DecisionAutomation automation, ClusterJobs jobs, DecisionConfig config) {
        this.automation = automation;
        this.jobs = jobs;
        this.config = config;
    }

    @Scheduled(identity = "decision-escalation-and-risk", every = "${entente.decision.jobs.every:1h}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runOncePerTick();
    }

    /** What the scheduler calls on every replica: one replica runs both jobs per tick, the others skip. */
    public ClusterJobs.Outcome runOncePerTick() {
        return jobs.runOncePer("decision-escalation-and-risk", config.jobs().every(), () -> {
            escalateOverdue();
            reassessRisk();
        });
    }

    /** @return how many decisions moved up their ladder */
    public int escalateOverdue() {
        int escalated = 0;
        for (UUID id : automation.activeIds()) {
            try {
                if (automation.escalateIfOverdue(id)) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("escalation check of decision %s failed, retried next run: %s", id, e.toString());
            }
        }
        return escalated;
    }

    /** @return how many decisions changed risk state */
    public int reassessRisk() {
        int changed = 0;
        for (UUID id : automation.activeIds()) {
            try {
                if (automation.reassess(id)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("risk check of decision %s failed, retried next run: %s", id, e.toString());
            }
        }
        return changed;
    }
}
