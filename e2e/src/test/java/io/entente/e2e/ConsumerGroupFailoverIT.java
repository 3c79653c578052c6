package io.entente.e2e;

import io.entente.e2e.faults.ConsumerCounters;
import io.entente.e2e.faults.DeliveryAudit;
import io.entente.e2e.faults.FaultPlan;
import io.entente.e2e.faults.FaultRunReport;
import io.entente.e2e.faults.KafkaGroups;
import io.entente.e2e.faults.LoadDriver;
import io.entente.e2e.faults.LoadResult;
import io.entente.local.StackFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #8: two instances of sprint-service in one consumer group (same database, same group id) share the
 * partitions; when one stops, cleanly (SIGTERM) or not (kill -9), the other takes its partitions over and every
 * event is still applied exactly once, in order. Commands keep flowing throughout.
 */
@ExtendWith(Stack.class)
class ConsumerGroupFailoverIT {

    private static final String SPRINT = "sprint-service";
    private static final int SECOND_PORT = 8092;
    private static final String SECOND = SPRINT + "-" + SECOND_PORT;
    private static final String TOPIC = "backlog-item.events";
    private static final int COMMANDS = Integer.getInteger("entente.faults.group-commands", 300);
    /** A killed member is only noticed when its session times out (the consumers' default: 45 s). */
    private static final Duration TAKEOVER = Duration.ofSeconds(90);

    @Test
    void theOtherInstanceTakesOverThePartitionsOfOneThatStopsOrIsKilled() {
        StackFaults faults = Stack.faults().orElse(null);
        assumeTrue(faults != null, "a fault run needs a stack started by this JVM (not -Dentente.e2e.external)");
        String runId = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();
        Map<String, String> instances = new LinkedHashMap<>();
        instances.put(SPRINT, Stack.SPRINT);
        instances.put(SECOND, "http://127.0.0.1:" + SECOND_PORT);

        try (KafkaGroups kafka = new KafkaGroups();
                ConsumerCounters counters = new ConsumerCounters(instances);
                FaultPlan plan = new FaultPlan(COMMANDS)) {
            FaultRunIT.awaitConsumersIdle(kafka);
            DeliveryAudit.Watermarks marks = DeliveryAudit.watermarks(kafka);
            AtomicReference<StackFaults.Instance> second = new AtomicReference<>(
                    faults.startInstance(SPRINT, SECOND_PORT));
            List<KafkaGroups.Member> shared = awaitSharedByTwo(kafka);
            System.out.println("failover: two members share " + TOPIC + ": " + shared);

            plan.at(0.25, "SIGTERM " + SECOND, () -> {
                counters.beforeStop(SECOND);
                second.get().stop();
                KafkaGroups.Member survivor = awaitHeldByOne(kafka, Duration.ofSeconds(30));
                System.out.println("failover: after SIGTERM one member holds " + survivor.partitions());
            }).at(0.45, "start " + SECOND + " again", () -> {
                second.set(faults.startInstance(SPRINT, SECOND_PORT));
                System.out.println("failover: two members share " + TOPIC + " again: " + awaitSharedByTwo(kafka));
            }).at(0.65, "kill -9 " + SECOND, () -> {
                counters.beforeStop(SECOND);
                second.get().kill();
                KafkaGroups.Member survivor = awaitHeldByOne(kafka, TAKEOVER);
                System.out.println("failover: after kill -9 one member holds " + survivor.partitions());
            });

            LoadDriver driver = new LoadDriver(runId, COMMANDS, LoadDriver.DEMO_WRITERS, 18, 2, 0, Stack.BACKLOG,
                    Stack.DECISION);
            LoadResult load = driver.run(plan);
            plan.finish();

            DeliveryAudit audit = new DeliveryAudit(driver.titlePrefix(), marks, load, Set.of(SPRINT));
            FaultRunIT.awaitCaughtUp(audit, kafka, counters, Duration.ofMinutes(2));
            FaultRunReport report = audit.check(kafka, counters);

            System.out.println();
            plan.printTimeline(System.out);
            report.print(System.out, "consumer group failover " + runId + ": " + COMMANDS + " commands, two "
                    + SPRINT + " instances, one stopped (SIGTERM), restarted, then killed (-9)");
            ConsumerCounters.Counts secondDid = counters.since(SECOND);
            System.out.printf("  %s applied %s, %s applied %s (events/duplicates absorbed/parked)%n", SPRINT,
                    counters.since(SPRINT), SECOND, secondDid);
            System.out.printf("duration: %.1f s%n", (System.nanoTime() - started) / 1e9);

            assertEquals(List.of(), report.problems(), "failover problems");
            assertTrue(secondDid.applied() > 0, "the second instance applied part of the events");
        }
    }

    /** Both members hold partitions of the backlog topic (the group spreads 6 partitions over the two). */
    private static List<KafkaGroups.Member> awaitSharedByTwo(KafkaGroups kafka) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> kafka.members(SPRINT), members -> members.size() == 2
                        && members.stream().allMatch(m -> m.partitions().stream().anyMatch(p -> p.startsWith(TOPIC))));
    }

    /** One member left, holding all six partitions of the backlog topic. */
    private static KafkaGroups.Member awaitHeldByOne(KafkaGroups kafka, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> kafka.members(SPRINT), members -> members.size() == 1
                        && members.get(0).partitions().stream().filter(p -> p.startsWith(TOPIC + "-")).count() == 6)
                .get(0);
    }
}
