package io.entente.e2e;

import io.entente.e2e.faults.StackDatabase;
import io.entente.local.StackFaults;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What must hold when a service runs as two processes on one database and broker, as the Kubernetes manifests run
 * it: a user's write limit is one limit, not one per replica, and a scheduled job runs once per tick, not once per
 * replica. The second process is a real service JVM from the packaged jar, started by the stack's launcher.
 */
@ExtendWith(Stack.class)
class TwoReplicasIT {

    private static final int BACKLOG_A = 8096;
    private static final int BACKLOG_B = 8097;
    private static final int DECISION_A = 8098;
    private static final int DECISION_B = 8099;
    private static final String JOB = "decision-escalation-and-risk";
    // Short enough to see several ticks in a test, long enough that one tick's work ends well within it.
    private static final Duration JOB_PERIOD = Duration.ofSeconds(3);
    // A small limit, so that a test on a slow machine still writes far faster than it refills.
    private static final int BURST = 20;
    private static final int WRITES_PER_SECOND = 1;
    // A team member may create items, so each write passes the role check and meets the limit.
    private static final String WRITER = "nora";

    private static StackFaults faults() {
        StackFaults faults = Stack.faults().orElse(null);
        assumeTrue(faults != null, "needs a stack started by this JVM (not -Dentente.e2e.external)");
        return faults;
    }

    /**
     * One user writes to two replicas in turn, far past the limit. Invalid bodies, so that nothing is stored: the
     * limit is checked before the body is read, so each write either passes the limit (and gets 400) or gets 429.
     * Two separate limits would let through about twice as many.
     */
    @Test
    void aUsersWriteLimitIsSharedByTheReplicas() {
        Map<String, String> limit = Map.of("ENTENTE_RATE_LIMIT_BURST", Integer.toString(BURST),
                "ENTENTE_RATE_LIMIT_WRITES_PER_SECOND", Integer.toString(WRITES_PER_SECOND));
        StackFaults faults = faults();
        CompletableFuture<StackFaults.Instance> starting = CompletableFuture.supplyAsync(
                () -> faults.startInstance("backlog-service", BACKLOG_B, limit));
        StackFaults.Instance a = faults.startInstance("backlog-service", BACKLOG_A, limit);
        StackFaults.Instance b = starting.join();
        StackDatabase backlog = new StackDatabase("backlog");
        try {
            fullBucket(backlog);
            String token = Keycloak.newToken(WRITER);
            int[] ports = {BACKLOG_A, BACKLOG_B};
            int[] passed = new int[2];
            int refused = 0;
            int writes = 6 * BURST;
            long started = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                int status = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                        .post("http://127.0.0.1:" + ports[i % 2] + "/api/backlog-items").statusCode();
                if (status == 429) {
                    refused++;
                } else {
                    assertTrue(status >= 400 && status < 500, "an invalid write is refused, not stored: " + status);
                    passed[i % 2]++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int allowed = (int) Math.ceil(BURST + WRITES_PER_SECOND * seconds) + 1;
            System.out.printf("two replicas: %d writes in %.1f s, passed %d + %d, refused %d (one limit allows %d)%n",
                    writes, seconds, passed[0], passed[1], refused, allowed);
            assertTrue(passed[0] + passed[1] <= allowed, "one limit across both replicas: passed "
                    + (passed[0] + passed[1]) + ", allowed " + allowed);
            assertTrue(refused > 0, "writes past the limit are refused");
            assertTrue(passed[0] > 0 && passed[1] > 0, "both replicas took writes");
        } finally {
            a.stop();
            b.stop();
            // The stack's own instances have the default limit; other tests write as this user too.
            fullBucket(backlog);
        }
    }

    /**
     * Two decision-service processes whose escalation and risk job fires every few seconds: each fires in every
     * period, one of them does the work. Counted by each process's own metrics.
     */
    @Test
    void aScheduledJobRunsOncePerTickAcrossTheReplicas() {
        Map<String, String> often = Map.of("ENTENTE_DECISION_JOBS_EVERY", JOB_PERIOD.toSeconds() + "s");
        StackFaults faults = faults();
        CompletableFuture<StackFaults.Instance> starting = CompletableFuture.supplyAsync(
                () -> faults.startInstance("decision-service", DECISION_B, often));
        StackFaults.Instance a = faults.startInstance("decision-service", DECISION_A, often);
        StackFaults.Instance b = starting.join();
        try {
            // The job's first run is delayed 30 s after start.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ticks(DECISION_A).fired() > 0 && ticks(DECISION_B).fired() > 0);
            Ticks a0 = ticks(DECISION_A);
            Ticks b0 = ticks(DECISION_B);
            long from = System.nanoTime();
            long periods = 6;
            await().atMost(JOB_PERIOD.multipliedBy(periods + 10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ticks(DECISION_A).fired() - a0.fired() >= periods
                            && ticks(DECISION_B).fired() - b0.fired() >= periods);
            Ticks a1 = ticks(DECISION_A);
            Ticks b1 = ticks(DECISION_B);
            double seconds = (System.nanoTime() - from) / 1e9;
            long elapsedPeriods = (long) Math.ceil(seconds / JOB_PERIOD.toSeconds());
            double ran = a1.ran() - a0.ran() + b1.ran() - b0.ran();
            double fired = a1.fired() - a0.fired() + b1.fired() - b0.fired();
            System.out.printf("two replicas: in %.1f s (%d periods of %d s) the job fired %.0f times, ran %.0f "
                            + "(%s: %s -> %s; %s: %s -> %s)%n", seconds, elapsedPeriods, JOB_PERIOD.toSeconds(),
                    fired, ran, DECISION_A, a0, a1, DECISION_B, b0, b1);
            assertTrue(ran <= elapsedPeriods + 1, "at most once per period: ran " + ran + " in " + elapsedPeriods
                    + " periods");
            assertTrue(ran >= elapsedPeriods - 2, "once in every period: ran " + ran + " in " + elapsedPeriods
                    + " periods");
            assertTrue(fired >= 2 * ran - 2, "both replicas fired each period: fired " + fired + ", ran " + ran);
        } finally {
            a.stop();
            b.stop();
        }
    }

    /** No bucket row: the user's next write starts a full bucket. */
    private static void fullBucket(StackDatabase backlog) {
        backlog.rows("delete from rate_limit_bucket where user_id = ? returning user_id", WRITER);
    }

    record Ticks(double ran, double fired) {
    }

    /** This process's counts of the job's ticks from its Prometheus scrape. */
    private static Ticks ticks(int port) {
        String scrape = given().get("http://127.0.0.1:" + port + "/q/metrics").then().statusCode(200)
                .extract().asString();
        double ran = 0;
        double fired = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("entente_jobs_ticks_total{") && line.contains("job=\"" + JOB + "\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                fired += value;
                if (line.contains("outcome=\"ran\"")) {
                    ran += value;
                }
            }
        }
        return new Ticks(ran, fired);
    }
}
