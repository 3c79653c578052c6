package io.entente.platform.security;

import io.entente.platform.messaging.BrokerAndDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas' limiters (two instances, each with its own connections) on one database take from one bucket per
 * user: together they allow the burst once, not twice.
 */
@QuarkusTest
@QuarkusTestResource(BrokerAndDatabase.class)
class SharedTokenBucketsTest {

    @Inject
    DataSource dataSource;

    @Test
    void twoReplicasTogetherAllowTheBurstOnce() {
        SharedTokenBuckets one = new SharedTokenBuckets(dataSource, limit(10, 0.001));
        SharedTokenBuckets two = new SharedTokenBuckets(dataSource, limit(10, 0.001));
        String user = "flooder-" + UUID.randomUUID();
        AtomicInteger allowed = new AtomicInteger();
        List<Long> refusals = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> replicas = new ArrayList<>();
        for (SharedTokenBuckets replica : List.of(one, two, one, two)) {
            replicas.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    long retryAfter = replica.tryAcquire(user);
                    if (retryAfter == 0) {
                        allowed.incrementAndGet();
                    } else {
                        refusals.add(retryAfter);
                    }
                }
            }));
        }
        replicas.forEach(CompletableFuture::join);

        assertEquals(10, allowed.get(), "the burst of 10, shared by both replicas");
        assertEquals(30, refusals.size());
        assertTrue(refusals.stream().allMatch(s -> s >= 1), "Retry-After is at least a second: " + refusals);
        // Another user's budget is their own.
        assertEquals(0, two.tryAcquire("colleague-" + UUID.randomUUID()));
    }

    @Test
    void theBucketRefillsWithTime() {
        SharedTokenBuckets fast = new SharedTokenBuckets(dataSource, limit(1, 1000));
        String user = "steady-" + UUID.randomUUID();
        assertEquals(0, fast.tryAcquire(user));
        // 1000 tokens a second: the next write a few milliseconds later finds the bucket full again.
        await().until(() -> fast.tryAcquire(user) == 0);
    }

    /** What each write pays for the shared bucket: one statement on a pooled connection. */
    @Test
    void costPerWrite() {
        SharedTokenBuckets generous = new SharedTokenBuckets(dataSource, limit(1_000_000, 1_000_000));
        String user = "bench-" + UUID.randomUUID();
        for (int i = 0; i < 500; i++) {
            generous.tryAcquire(user);
        }
        int n = 3000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            assertEquals(0, generous.tryAcquire(user));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("shared write limit: cost per write p50 %.3f ms, p99 %.3f ms over %d writes of one user"
                + " (embedded PostgreSQL, one client)%n", nanos[n / 2] / 1e6, nanos[n * 99 / 100] / 1e6, n);
    }

    static RateLimitConfig limit(int burst, double perSecond) {
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public double writesPerSecond() {
                return perSecond;
            }

            @Override
            public int burst() {
                return burst;
            }
        };
    }
}
