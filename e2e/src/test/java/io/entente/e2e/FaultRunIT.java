package io.entente.e2e;

import io.entente.e2e.faults.ConsumerCounters;
import io.entente.e2e.faults.DeliveryAudit;
import io.entente.e2e.faults.FaultPlan;
import io.entente.e2e.faults.FaultRunReport;
import io.entente.e2e.faults.KafkaGroups;
import io.entente.e2e.faults.LoadDriver;
import io.entente.e2e.faults.LoadResult;
import io.entente.local.StackFaults;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A stream of commands through the real APIs while the Kafka broker is killed (-9) and restarted, a
 * consuming service (sprint-service) is killed (-9) mid-stream and restarted, and PostgreSQL is stopped and started
 * on the same data. Afterwards every event of every accepted command must have reached every consumer once, in
 * order, with the read models in each aggregate's last state and no consumer lag. The counts are printed.
 *
 * <p>Size: {@code -Dentente.faults.commands=N} (default 600, the CI run). A big run (README, Tests):
 * {@code ./mvnw -B -ntp verify -pl e2e -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.failIfNoSpecifiedTests=false -Dit.test=FaultRunIT -Dentente.faults.commands=10000}.
 */
@ExtendWith(Stack.class)
class FaultRunIT {

    private static final int COMMANDS = Integer.getInteger("entente.faults.commands", 600);
    /** Per user, under the services' write limit of 20/s; five users. */
    private static final double WRITES_PER_SECOND_PER_USER = 18;
    /** Threads per user: more keep the pace when answers are slow (a loaded machine, a big run). */
    private static final int LANES = Integer.getInteger("entente.faults.lanes", 2);
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("backlog-service", Stack.BACKLOG);
        SERVICES.put("sprint-service", Stack.SPRINT);
        SERVICES.put("decision-service", Stack.DECISION);
        SERVICES.put("governance-service", Stack.GOVERNANCE);
    }

    @Test
    void everyAcceptedCommandReachesEveryConsumerOnceThroughKafkaConsumerAndDatabaseFaults() {
        StackFaults faults = Stack.faults().orElse(null);
        assumeTrue(faults != null, "a fault run needs a stack started by this JVM (not -Dentente.e2e.external)");
        String runId = Long.toString(System.currentTimeMillis(), 36);
        long runStarted = System.nanoTime();

        DeliveryAudit.Watermarks marks;
        // No admin client while the broker is down: it would only log its reconnects.
        try (KafkaGroups kafka = new KafkaGroups()) {
            awaitConsumersIdle(kafka);
            marks = DeliveryAudit.watermarks(kafka);
        }
        try (ConsumerCounters counters = new ConsumerCounters(SERVICES);
                FaultPlan plan = new FaultPlan(COMMANDS)) {

            plan.at(0.15, "kill -9 Kafka", () -> {
                long pid = faults.kafkaPid();
                faults.killKafka();
                System.out.println("fault run: Kafka broker killed (pid " + pid + ")");
            }).at(0.30, "start Kafka", () -> {
                faults.startKafka();
                System.out.println("fault run: Kafka broker back (pid " + faults.kafkaPid() + ")");
            }).at(0.40, "kill -9 sprint-service", () -> {
                long pid = faults.servicePid("sprint-service");
                counters.beforeStop("sprint-service");
                faults.killService("sprint-service");
                System.out.println("fault run: sprint-service killed (pid " + pid + ")");
            }).at(0.55, "start sprint-service", () -> {
                faults.startService("sprint-service");
                System.out.println("fault run: sprint-service ready (pid " + faults.servicePid("sprint-service")
                        + ")");
            }).at(0.70, "stop PostgreSQL", faults::stopPostgres)
                    .at(0.75, "start PostgreSQL", faults::startPostgres);

            LoadDriver driver = new LoadDriver(runId, COMMANDS, LoadDriver.DEMO_WRITERS, WRITES_PER_SECOND_PER_USER,
                    LANES, 0.04, Stack.BACKLOG, Stack.DECISION);
            long loadStarted = System.nanoTime();
            LoadResult load = driver.run(plan);
            plan.finish();
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

            try (KafkaGroups kafka = new KafkaGroups()) {
                long catchUpStarted = System.nanoTime();
                DeliveryAudit audit = new DeliveryAudit(driver.titlePrefix(), marks, load, SERVICES.keySet());
                awaitCaughtUp(audit, kafka, counters, Duration.ofSeconds(180 + COMMANDS / 50));
                double catchUpSeconds = (System.nanoTime() - catchUpStarted) / 1e9;
                FaultRunReport report = audit.check(kafka, counters);

                System.out.println();
                plan.printTimeline(System.out);
                report.print(System.out, "fault run " + runId + ": " + COMMANDS + " commands, Kafka killed, "
                        + "sprint-service killed, PostgreSQL restarted");
                System.out.printf("durations: load %.1f s, consumers caught up %.1f s after it, whole test %.1f s%n",
                        loadSeconds, catchUpSeconds, (System.nanoTime() - runStarted) / 1e9);

                assertTrue(report.consumers().stream().allMatch(c -> c.applied() > 0),
                        "every consumer applied events");
                assertEquals(List.of(), report.problems(), "fault run problems");
            }
            // Leaves the stack as it found it for the tests after this one.
            awaitAllReady();
        }
    }

    /** Earlier tests' events are not this run's business: start from an idle stack. */
    static void awaitConsumersIdle(KafkaGroups kafka) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> DeliveryAudit.CONSUMERS.stream().allMatch(c -> kafka.lag(c.service()) == 0));
    }

    /** Polls the whole audit until it says "caught up"; on timeout the report shows what is missing. */
    static void awaitCaughtUp(DeliveryAudit audit, KafkaGroups kafka, ConsumerCounters counters, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> audit.check(kafka, counters).caughtUp());
        } catch (ConditionTimeoutException e) {
            System.out.println("fault run: consumers did not catch up within " + atMost.toSeconds() + " s");
        }
    }

    static void awaitAllReady() {
        for (String url : SERVICES.values()) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> given().get(url + "/q/health/ready").then().statusCode(200));
        }
    }
}
