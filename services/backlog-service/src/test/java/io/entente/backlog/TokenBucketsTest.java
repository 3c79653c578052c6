package io.entente.backlog;

import io.entente.platform.security.TokenBuckets;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The platform's per-user write budget, with a hand-driven clock. */
class TokenBucketsTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenRefillAtTheRate() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(2, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.tryAcquire("alex"));
        }
        assertEquals(1, buckets.tryAcquire("alex"), "empty: retry after a second");
        assertEquals(0, buckets.tryAcquire("tara"), "each user has their own bucket");
        now.addAndGet(SECOND / 2);
        assertEquals(0, buckets.tryAcquire("alex"), "half a second at 2/s refills one");
        assertEquals(1, buckets.tryAcquire("alex"));
        now.addAndGet(100 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.tryAcquire("alex"));
        }
        assertEquals(1, buckets.tryAcquire("alex"), "idle time never saves up more than the burst");
    }

    @Test
    void slowRatesAskForLongerPauses() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(0.1, 1, now::get);
        assertEquals(0, buckets.tryAcquire("alex"));
        assertEquals(10, buckets.tryAcquire("alex"));
        now.addAndGet(5 * SECOND);
        assertEquals(5, buckets.tryAcquire("alex"));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 10, System::nanoTime));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0, System::nanoTime));
    }
}
