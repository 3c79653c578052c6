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
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * More instances of sprint-service in one consumer group (same database, same group id) share the
 * partitions; when one is killed (-9) or stops cleanly (SIGTERM), the others take its partitions over and every
 * event is still applied exactly once, in order. Commands keep flowing throughout.
 *
 * <p>Two extra instances start together (one JVM start's wait instead of two, and the kill -9 case waits out the
 * 45 s session timeout anyway): three members share the partitions; kill -9 one, then two share them; SIGTERM one,
 * then the first instance holds them all.
 */
@ExtendWith(Stack.class)
class ConsumerGroupFailoverIT {

    private static final String SPRINT = "sprint-service";
    private static final int SECOND_PORT = 8092;
    private static final int THIRD_PORT = 8093;
    private static final String SECOND = SPRINT + "-" + SECOND_PORT;
    private static final String THIRD = SPRINT + "-" + THIRD_PORT;
    private static final String TOPIC = "backlog-item.events";
    private static final int COMMANDS = Integer.getInteger("entente.faults.group-commands", 300);
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
        instances.put(THIRD, "http://127.0.0.1:" + THIRD_PORT);

        try (KafkaGroups kafka = new KafkaGroups();
                ConsumerCounters counters = new ConsumerCounters(instances);
                FaultPlan plan = new FaultPlan(COMMANDS)) {
            FaultRunIT.awaitConsumersIdle(kafka);
            DeliveryAudit.Watermarks marks = DeliveryAudit.watermarks(kafka);
            CompletableFuture<StackFaults.Instance> starting = CompletableFuture.supplyAsync(
                    () -> faults.startInstance(SPRINT, THIRD_PORT));
            StackFaults.Instance second = faults.startInstance(SPRINT, SECOND_PORT);
            StackFaults.Instance third = starting.join();
            System.out.println("failover: three members share " + TOPIC + ": " + awaitSharedBy(kafka, 3));

            plan.at(0.3, "kill -9 " + SECOND, () -> {
                counters.beforeStop(SECOND);
                second.kill();
                System.out.println("failover: after kill -9 two members share " + TOPIC + ": "
                        + awaitSharedBy(kafka, 2));
            }).at(0.6, "SIGTERM " + THIRD, () -> {
                counters.beforeStop(THIRD);
                third.stop();
                System.out.println("failover: after SIGTERM one member holds " + awaitSharedBy(kafka, 1));
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
            report.print(System.out, "consumer group failover " + runId + ": " + COMMANDS + " commands, three "
                    + SPRINT + " instances, one killed (-9), one stopped (SIGTERM)");
            instances.keySet().forEach(name -> System.out.printf("  %s: %s%n", name, counters.since(name)));
            System.out.printf("duration: %.1f s%n", (System.nanoTime() - started) / 1e9);

            assertEquals(List.of(), report.problems(), "failover problems");
            for (String name : instances.keySet()) {
                assertTrue(counters.since(name).applied() > 0, name + " applied part of the events");
            }
        }
    }

    /**
     * {@code members} members, each holding partitions of the backlog topic, all six of them held. Up to 90 s: a
     * killed member is only dropped when its session times out (the consumers' default: 45 s).
     */
    private static List<KafkaGroups.Member> awaitSharedBy(KafkaGroups kafka, int members) {
        return await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> kafka.members(SPRINT), group -> group.size() == members
                        && group.stream().allMatch(m -> m.partitions().stream().anyMatch(p -> p.startsWith(TOPIC)))
                        && group.stream().flatMap(m -> m.partitions().stream()).filter(p -> p.startsWith(TOPIC + "-"))
                        .distinct().count() == 6);
    }
}
