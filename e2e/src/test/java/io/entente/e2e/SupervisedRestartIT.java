package io.entente.e2e;

import io.entente.e2e.faults.ConsumerCounters;
import io.entente.e2e.faults.DeliveryAudit;
import io.entente.e2e.faults.FaultPlan;
import io.entente.e2e.faults.FaultRunReport;
import io.entente.e2e.faults.KafkaGroups;
import io.entente.e2e.faults.LoadDriver;
import io.entente.e2e.faults.LoadResult;
import io.entente.local.StackFaults;
import io.entente.local.StackState;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's supervisor brings back whatever dies without being asked: while commands flow through the APIs, a
 * service, the Kafka broker and PostgreSQL are each killed with kill -9 — by pid, from outside, as a crash or the
 * out-of-memory killer would do it, with nobody telling the launcher — and each comes back by itself (a new pid in
 * the state file that './entente status' reads, one restart counted). Afterwards every event of every accepted command
 * has reached every consumer once; then the frontend and Keycloak are killed the same way and come back (the BFF is
 * ready again, a new token is issued), and a new write still travels from one service to another.
 */
@ExtendWith(Stack.class)
class SupervisedRestartIT {

    private static final int COMMANDS = Integer.getInteger("entente.faults.supervised-commands", 240);
    private static final Duration COMES_BACK = Duration.ofMinutes(3);
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("backlog-service", Stack.BACKLOG);
        SERVICES.put("sprint-service", Stack.SPRINT);
        SERVICES.put("decision-service", Stack.DECISION);
        SERVICES.put("governance-service", Stack.GOVERNANCE);
    }

    @Test
    void everyKindOfPartKilledWithSigkillComesBackByItselfAndNoEventIsLost() {
        StackFaults faults = Stack.faults().orElse(null);
        assumeTrue(faults != null, "needs a stack started by this JVM (not -Dentente.e2e.external)");
        String runId = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();

        DeliveryAudit.Watermarks marks;
        try (KafkaGroups kafka = new KafkaGroups()) {
            FaultRunIT.awaitConsumersIdle(kafka);
            marks = DeliveryAudit.watermarks(kafka);
        }
        try (ConsumerCounters counters = new ConsumerCounters(SERVICES);
                FaultPlan plan = new FaultPlan(COMMANDS)) {
            plan.at(0.2, "kill -9 sprint-service", () -> {
                counters.beforeStop("sprint-service");
                crashAndAwaitComeback(faults, "sprint-service");
            }).at(0.45, "kill -9 Kafka", () -> crashAndAwaitComeback(faults, "kafka"))
                    .at(0.7, "kill -9 PostgreSQL", () -> crashAndAwaitComeback(faults, "postgresql"));

            LoadDriver driver = new LoadDriver(runId, COMMANDS, LoadDriver.DEMO_WRITERS, 18, 2, 0.04, Stack.BACKLOG,
                    Stack.DECISION);
            LoadResult load = driver.run(plan);
            plan.finish();

            try (KafkaGroups kafka = new KafkaGroups()) {
                DeliveryAudit audit = new DeliveryAudit(driver.titlePrefix(), marks, load, SERVICES.keySet());
                FaultRunIT.awaitCaughtUp(audit, kafka, counters, Duration.ofSeconds(180));
                FaultRunReport report = audit.check(kafka, counters);
                System.out.println();
                plan.printTimeline(System.out);
                report.print(System.out, "supervised restarts " + runId + ": " + COMMANDS
                        + " commands; sprint-service, Kafka and PostgreSQL killed (-9) and restarted by the launcher");
                assertEquals(List.of(), report.problems(), "problems after the supervised restarts");
            }
        }
        FaultRunIT.awaitAllReady();

        // Sign-in and the browser's entry point go last: the load above needs tokens, and a user only notices these
        // two when the next page or the next sign-in fails.
        crashAndAwaitComeback(faults, "frontend");
        await().atMost(COMES_BACK).ignoreExceptions().untilAsserted(() -> given().get(Stack.FRONTEND + "/q/health/ready")
                .then().statusCode(200));
        crashAndAwaitComeback(faults, "keycloak");
        await().atMost(COMES_BACK).ignoreExceptions().until(() -> !Keycloak.newToken("alex").isBlank());

        aNewWriteReachesAnotherService();
        StackState state = faults.state();
        for (String part : List.of("sprint-service", "kafka", "postgresql", "frontend", "keycloak")) {
            assertEquals(1, state.part(part).orElseThrow().restarts(), part + " restarts");
        }
        state.parts().forEach(p -> assertEquals("running", p.state(), p.name()));
        System.out.printf("supervised restarts: whole test %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * kill -9 of the pid the state file names; returns once the state file names a new, running process and nothing
     * of the killed one is left (kc.sh's java used to outlive the script, holding Keycloak's port: the "restart" then
     * talked to the orphan).
     */
    private static void crashAndAwaitComeback(StackFaults faults, String part) {
        StackState.Part before = faults.state().part(part).orElseThrow();
        ProcessHandle process = ProcessHandle.of(before.pid())
                .orElseThrow(() -> new AssertionError(part + ": no process " + before.pid()));
        List<ProcessHandle> descendants = process.descendants().toList();
        long killed = System.nanoTime();
        process.destroyForcibly();
        StackState.Part after = await().atMost(COMES_BACK).pollInterval(Duration.ofMillis(250))
                .until(() -> faults.state().part(part).orElseThrow(),
                        p -> p.state().equals("running") && p.pid() != before.pid());
        System.out.printf("supervised restarts: %s (pid %d) killed, back as pid %d after %.1f s%n", part,
                before.pid(), after.pid(), (System.nanoTime() - killed) / 1e9);
        await().atMost(COMES_BACK).untilAsserted(() -> descendants.forEach(d ->
                assertFalse(d.isAlive(), part + ": process " + d.pid() + " of the killed one still runs")));
    }

    private static void aNewWriteReachesAnotherService() {
        String id = given().auth().oauth2(Keycloak.token("alex")).contentType(ContentType.JSON)
                .body("""
                        {"allianceId":"ONC-HELIX","title":"E2E: after the restarts","discipline":"FINANCE",
                         "type":"TASK","estimate":1}""")
                .post(Stack.BACKLOG + "/api/backlog-items")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> given().auth().oauth2(Keycloak.token("tara"))
                        .get(Stack.SPRINT + "/api/sprint-candidates/" + id)
                        .then().statusCode(200).body("title", equalTo("E2E: after the restarts")));
    }
}
