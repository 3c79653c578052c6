package io.entente.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (user id), refilled continuously. Thread-safe; plain Java so that the arithmetic is
 * testable without a clock of the wall.
 */
public final class TokenBuckets {

    /** Above this many keys, buckets that have refilled completely are forgotten (they hold no information). */
    static final int COMPACT_ABOVE = 10_000;
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perSecond;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int capacity, LongSupplier nanoTime) {
        if (perSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token for {@code key}.
     *
     * @return 0 when the call may proceed, otherwise the whole seconds (at least 1) until a token is available
     */
    public long tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > COMPACT_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed / NANOS_PER_SECOND * perSecond);
                updated = now;
            }
        }
    }
}
