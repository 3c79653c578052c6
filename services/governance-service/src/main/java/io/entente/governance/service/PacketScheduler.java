package io.entente.governance.service;

import io.entente.governance.config.GovernanceConfig;
import io.entente.platform.jobs.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Generates each meeting's packet the configured number of days ahead (entente.governance.packet.lead-days), so the
 * pre-read goes out without anyone having to remember. Each meeting is its own transaction: one failure does not
 * hold up the others.
 */
@ApplicationScoped
public class PacketScheduler {

    private static final Logger LOG = Logger.getLogger(PacketScheduler.class);
    static final String ACTOR = "system:governance-service";

    private final PacketService packets;
    private final GovernanceConfig config;
    private final ClusterJobs jobs;

    public PacketScheduler(PacketService packets, GovernanceConfig config, ClusterJobs jobs) {
        this.packets = packets;
        this.config = config;
        this.jobs = jobs;
    }

    @Scheduled(every = "${entente.governance.packet.check-every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runOncePerTick();
    }

    /** What the scheduler calls on every replica: one replica generates the due packets per tick. */
    public ClusterJobs.Outcome runOncePerTick() {
        return jobs.runOncePer("governance-packet-scheduler", config.packet().checkEvery(), this::generateDue);
    }

    /** Returns how many packets were generated. */
    public int generateDue() {
        int generated = 0;
        for (UUID meetingId : packets.dueForScheduledPacket(config.packet().leadDays())) {
            try {
                if (packets.generateScheduled(meetingId, ACTOR)) {
                    generated++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "scheduled packet for meeting %s failed; retried on the next run", meetingId);
            }
        }
        return generated;
    }
}
