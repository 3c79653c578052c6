package io.entente.platform.messaging;

import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.platform.audit.ChangeLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Commit → effect latency through the real relay, broker and consumer, at a fixed rate (open model), in one app: the
 * in-test counterpart of bench/'s event propagation figure. Prints p50/p95/p99 of
 * <ul>
 *   <li>bench's figure: outbox_event.occurred_at → inbox_event.received_at (database clock),</li>
 *   <li>the strict one: the producing transaction has committed → the consuming transaction has committed,</li>
 *   <li>and the relay's part: occurred_at → published_at.</li>
 * </ul>
 * Events per rate: -Dentente.propagation.events (default 400, kept small for CI); rates: -Dentente.propagation.rates
 * (default 200). For figures to compare, e.g. -Dentente.propagation.events=2000 -Dentente.propagation.rates=50,200.
 */
@QuarkusTest
@QuarkusTestResource(BrokerAndDatabase.class)
class PropagationLatencyTest {

    @Inject
    ChangeLog changes;

    @Inject
    ProbeHandler probe;

    @Inject
    EntityManager em;

    @Test
    void everyEventTakesEffectOnceAndTheLatencyIsPrinted() throws Exception {
        int events = Integer.getInteger("entente.propagation.events", 400);
        // Warm-up: topic creation, the consumer's group join and the first JIT rounds are not what we measure.
        run(Math.min(200, events), 200);
        for (String rate : System.getProperty("entente.propagation.rates", "200").split(",")) {
            measure(events, Integer.parseInt(rate.trim()));
        }
    }

    private void measure(int events, int rate) throws Exception {
        long postmaster = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select pg_backend_pid()").getSingleResult()).longValue());
        postmaster = ProcessHandle.of(postmaster).flatMap(ProcessHandle::parent).orElseThrow().pid();
        long relayCpu = cpuNanos("outbox-relay");
        long consumerCpu = cpuNanos("event-consumer");
        long jvmCpu = processCpuMillis(ProcessHandle.current().pid());
        long pgCpu = treeCpuMillis(postmaster);
        long brokerCpu = processCpuMillis(BrokerAndDatabase.brokerPid());
        long t0 = System.nanoTime();
        Map<UUID, Instant> committed = run(events, rate);
        double seconds = (System.nanoTime() - t0) / 1e9;
        relayCpu = cpuNanos("outbox-relay") - relayCpu;
        consumerCpu = cpuNanos("event-consumer") - consumerCpu;
        jvmCpu = processCpuMillis(ProcessHandle.current().pid()) - jvmCpu;
        pgCpu = treeCpuMillis(postmaster) - pgCpu;
        brokerCpu = processCpuMillis(BrokerAndDatabase.brokerPid()) - brokerCpu;

        List<Long> bench = new ArrayList<>();
        List<Long> relay = new ArrayList<>();
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> castRows(em.createNativeQuery("""
                        select o.event_id, o.occurred_at, o.published_at, i.received_at
                        from outbox_event o join inbox_event i on i.event_id = o.event_id
                        where o.event_id in (?1)""").setParameter(1, committed.keySet()).getResultList()));
        for (Object[] r : rows) {
            bench.add(micros(r[1], r[3]));
            relay.add(micros(r[1], r[2]));
        }
        List<Long> strict = new ArrayList<>();
        committed.forEach((id, at) -> strict.add(Duration.between(at, probe.committedAt(id)).toNanos() / 1000));
        assertEquals(events, rows.size());
        System.out.printf("%nPROPAGATION %d events at %d/s (one app: relay -> broker -> consumer)%n", events, rate);
        print("occurred_at -> received_at (bench's figure)", bench);
        print("producer commit -> consumer commit", strict);
        print("occurred_at -> published_at (relay)", relay);
        System.out.printf("  CPU per event: relay thread %.3f ms, consumer thread %.3f ms; all applied after %.1f s;"
                        + " load average %.1f%n", relayCpu / 1e6 / events, consumerCpu / 1e6 / events, seconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  CPU per event, whole processes: this JVM (writers too) %.2f ms, PostgreSQL %.2f ms,"
                + " broker %.2f ms%n", (double) jvmCpu / events, (double) pgCpu / events, (double) brokerCpu / events);
        System.out.printf("  consumer %s%n%n", consumer.stats());
    }

    @Inject
    EventConsumer consumer;

    /** User + system CPU of a process from /proc (clock ticks of 10 ms). */
    private static long processCpuMillis(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** A process and its children (the postmaster and its backends). */
    private static long treeCpuMillis(long pid) {
        return processCpuMillis(pid) + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children)
                .mapToLong(child -> processCpuMillis(child.pid())).sum();
    }

    /** CPU time of the platform's own thread with this name (the relay's or the consumer's). */
    private static long cpuNanos(String thread) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(thread))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    /** Publishes at a fixed rate from a pool big enough never to hold the rate back; waits for every effect. */
    private Map<UUID, Instant> run(int events, int rate) throws InterruptedException {
        Map<UUID, Instant> committed = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(16);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger issued = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 6);
        ticker.scheduleAtFixedRate(() -> {
            int n = issued.getAndIncrement();
            if (n < events) {
                writers.submit(() -> {
                    UUID id = QuarkusTransaction.requiringNew().call(() -> changes.record(new BacklogItemCreated(
                            UUID.randomUUID().toString(), "ONC-HELIX", "Probe " + run + "-" + n, null, "GOVERNANCE",
                            "TASK", 1, null, "NEW", "m", null), null, null));
                    committed.put(id, Instant.now());
                });
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        await().atMost(Duration.ofSeconds(60 + events / rate)).until(() -> issued.get() >= events);
        ticker.shutdownNow();
        writers.shutdown();
        writers.awaitTermination(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> committed.keySet().stream().allMatch(id -> probe.committedAt(id) != null));
        return committed;
    }

    private static void print(String what, List<Long> micros) {
        long[] v = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  %-45s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", what,
                at(v, 0.50) / 1000.0, at(v, 0.95) / 1000.0, at(v, 0.99) / 1000.0, v[v.length - 1] / 1000.0);
    }

    private static long at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static long micros(Object from, Object to) {
        return Duration.between(instant(from), instant(to)).toNanos() / 1000;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> castRows(List<?> rows) {
        return (List<Object[]>) rows;
    }

}
