package io.entente.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The measurements that are not plain HTTP load (those are Gatling's, see src/test/java). */
final class Measures {

    private final Api api;
    private final Scale scale;
    private final Properties state;

    Measures(Api api, Scale scale, Properties state) {
        this.api = api;
        this.scale = scale;
        this.state = state;
    }

    // ------------------------------------------------------------------ event propagation

    /**
     * Creates backlog items at a fixed rate (open model: a thread per request in flight) and reads, per event, when its outbox row
     * was written (occurred_at, in the creating transaction), when the relay picked it up (published_at) and when
     * each consuming service's inbox row was written (received_at = start of the consumer's effect transaction).
     */
    ObjectNode events() throws Exception {
        ObjectNode out = Api.JSON.createObjectNode();
        Map<String, List<Histogram>> runs = new HashMap<>();
        List<Double> rates = new ArrayList<>();
        // The writes rotate over every demo user who may write (the services limit each user to 20 writes/s with a
        // burst of 300): no retries here, a refused write counts as an error and is reported.
        List<Api> writers = new ArrayList<>();
        List<List<String>> own = new ArrayList<>();
        for (String w : Api.WRITERS) {
            Api a = new Api(w, false);
            List<String> keys = w.equals("admin") ? List.of(state.getProperty("alliances").split(","))
                    : Api.alliancesOf(a.token());
            if (!keys.isEmpty()) {
                writers.add(a);
                own.add(keys);
            }
        }
        long limitedBefore = 0;
        for (int run = 1; run <= scale.eventRuns(); run++) {
            // Let every user's write allowance refill (burst 300 at 20/s: 15 s).
            Thread.sleep(16_000);
            ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
            writers.forEach(Api::token);
            AtomicInteger errors = new AtomicInteger();
            // Open model: a thread per request in flight. A fixed pool of 16 made it a closed loop: at ~125 ms per
            // create under load, 16 threads cannot issue more than ~128/s, which is what earlier runs achieved (with
            // no 429 at all), whatever the target.
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            ExecutorService senders = Executors.newCachedThreadPool();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            int total = scale.eventRate() * scale.eventSeconds();
            AtomicInteger issued = new AtomicInteger();
            long periodNanos = 1_000_000_000L / scale.eventRate();
            int r = run;
            long t0 = System.nanoTime();
            ticker.scheduleAtFixedRate(() -> {
                int n = issued.getAndIncrement();
                if (n >= total) {
                    return;
                }
                senders.submit(() -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Api writer = writers.get(n % writers.size());
                        List<String> keys = own.get(n % writers.size());
                        ObjectNode item = writer.object().put("allianceId", keys.get((n / writers.size()) % keys.size()))
                                .put("title", "Propagation probe " + r + "-" + n).put("discipline", "GOVERNANCE")
                                .put("type", "TASK").put("estimate", 1);
                        Api.Answer a = writer.post(Api.BACKLOG + "/api/backlog-items", item);
                        if (a.ok()) {
                            ids.add(a.body().path("id").asText());
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            while (issued.get() < total) {
                Thread.sleep(50);
            }
            ticker.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double achieved = ids.size() / seconds;
            rates.add(achieved);
            List<String> created = new ArrayList<>(ids);
            Map<String, long[]> outbox = outbox(created);
            long limited = writers.stream().mapToLong(w -> w.limited.get()).sum();
            Main.log("events run %d: %d creates in %.1f s (%.0f/s, %d errors of which %d rate-limited 429; at most %d"
                            + " requests in flight)", run, created.size(), seconds, achieved, errors.get(),
                    limited - limitedBefore, maxInFlight.get());
            out.put("maxInFlightRun" + run, maxInFlight.get());
            out.put("rateLimitedRun" + run, limited - limitedBefore);
            limitedBefore = limited;
            for (String consumer : List.of("sprint", "decision", "governance")) {
                Map<String, Long> inbox = inbox(consumer, outbox.keySet(), created.size());
                Histogram h = new Histogram(3_600_000_000L, 3);
                for (Map.Entry<String, Long> e : inbox.entrySet()) {
                    long[] o = outbox.get(e.getKey());
                    h.recordValue(Math.max(0, e.getValue() - o[0]));
                }
                runs.computeIfAbsent(consumer, k -> new ArrayList<>()).add(h);
            }
            Histogram relay = new Histogram(3_600_000_000L, 3);
            for (long[] o : outbox.values()) {
                if (o[1] > 0) {
                    relay.recordValue(Math.max(0, o[1] - o[0]));
                }
            }
            runs.computeIfAbsent("relay-pickup", k -> new ArrayList<>()).add(relay);
        }
        out.put("targetRatePerSecond", scale.eventRate());
        out.put("achievedRatePerSecond", median(rates));
        out.put("secondsPerRun", scale.eventSeconds());
        out.put("runs", scale.eventRuns());
        ObjectNode paths = out.putObject("microsFromCommitTo");
        for (Map.Entry<String, List<Histogram>> e : runs.entrySet()) {
            paths.set(e.getKey(), summary(e.getValue()));
        }
        return out;
    }

    /** event id -> {occurred_at, published_at} in µs since the epoch, for the items' BacklogItemCreated rows. */
    private Map<String, long[]> outbox(List<String> itemIds) throws Exception {
        // Wait until the relay has published every one of them.
        Loader.waitFor("the relay published the probes", () -> {
            try (Connection c = Db.connect("backlog");
                 PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where aggregate_id = "
                         + "any(?) and published_at is null")) {
                ps.setArray(1, c.createArrayOf("varchar", itemIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0;
                }
            }
        });
        Map<String, long[]> out = new HashMap<>();
        try (Connection c = Db.connect("backlog");
             PreparedStatement ps = c.prepareStatement("""
                     select event_id::text, (extract(epoch from occurred_at) * 1000000)::bigint,
                            coalesce((extract(epoch from published_at) * 1000000)::bigint, 0)
                     from outbox_event where aggregate_id = any(?) and event_type = 'io.entente.BacklogItemCreated'""")) {
            Array ids = c.createArrayOf("varchar", itemIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return out;
    }

    /** event id -> received_at (µs since the epoch) in the consumer's inbox, once it has caught up (or 60 s). */
    private Map<String, Long> inbox(String database, java.util.Set<String> eventIds, int expected) throws Exception {
        Map<String, Long> out = new HashMap<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            out.clear();
            try (Connection c = Db.connect(database);
                 PreparedStatement ps = c.prepareStatement("""
                         select event_id::text, (extract(epoch from received_at) * 1000000)::bigint
                         from inbox_event where event_id = any(?)""")) {
                ps.setArray(1, c.createArrayOf("uuid", eventIds.stream().map(UUID::fromString).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            if (out.size() >= eventIds.size() || System.nanoTime() > deadline) {
                return out;
            }
            Thread.sleep(500);
        }
    }

    // ------------------------------------------------------------------ raw Kafka round trip

    /**
     * The floor for the above: a producer with the relay's settings (acks=all, linger.ms=2) and a consumer polling
     * like the services' consumers, on the same broker, at the same rate; latency = receive - send, one JVM clock.
     */
    ObjectNode kafka() throws Exception {
        String topic = "bench.roundtrip";
        Properties common = new Properties();
        common.put("bootstrap.servers", "127.0.0.1:9092");
        try (Admin admin = Admin.create(common)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            }
        }
        List<Histogram> histograms = new ArrayList<>();
        for (int run = 1; run <= scale.eventRuns(); run++) {
            Properties pc = new Properties();
            pc.putAll(common);
            pc.put("acks", "all");
            pc.put("linger.ms", 2);
            pc.put("key.serializer", StringSerializer.class.getName());
            pc.put("value.serializer", ByteArraySerializer.class.getName());
            Properties cc = new Properties();
            cc.putAll(common);
            cc.put("group.id", "bench-roundtrip-" + UUID.randomUUID());
            cc.put("auto.offset.reset", "latest");
            cc.put("key.deserializer", StringDeserializer.class.getName());
            cc.put("value.deserializer", ByteArrayDeserializer.class.getName());
            Histogram h = new Histogram(3_600_000_000L, 3);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean assigned = new AtomicBoolean();
            Thread consumer = new Thread(() -> {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cc)) {
                    c.subscribe(List.of(topic));
                    while (!stop.get()) {
                        for (ConsumerRecord<String, byte[]> rec : c.poll(Duration.ofMillis(500))) {
                            long sent = ByteBuffer.wrap(rec.value()).getLong();
                            synchronized (h) {
                                h.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                            }
                        }
                        if (!c.assignment().isEmpty()) {
                            assigned.set(true);
                        }
                    }
                }
            });
            consumer.start();
            while (!assigned.get()) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            int total = scale.eventRate() * scale.kafkaSeconds();
            long period = 1_000_000_000L / scale.eventRate();
            try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(pc)) {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + i * period;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000));
                    }
                    p.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(),
                            ByteBuffer.allocate(8).putLong(System.nanoTime()).array()));
                }
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (h.getTotalCount() < total && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            stop.set(true);
            consumer.join();
            Main.log("kafka run %d: %d of %d messages back, p50 %.1f ms", run, h.getTotalCount(), total,
                    h.getValueAtPercentile(50) / 1000.0);
            histograms.add(h);
        }
        ObjectNode out = Api.JSON.createObjectNode();
        out.put("ratePerSecond", scale.eventRate());
        out.put("secondsPerRun", scale.kafkaSeconds());
        out.put("runs", scale.eventRuns());
        out.set("micros", summary(histograms));
        return out;
    }

    // ------------------------------------------------------------------ pgbench

    /** pgbench TPC-B (the built-in script) on the stack's PostgreSQL, in its own database "bench". */
    ObjectNode pgbench() throws Exception {
        String binary = pgbenchBinary();
        try (Connection c = Db.superuser("postgres"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = 'bench'")) {
                if (!rs.next()) {
                    st.execute("create database bench");
                }
            }
        }
        long t = System.nanoTime();
        exec(List.of(binary, "-h", Db.HOST, "-p", Integer.toString(Db.PORT), "-U", "postgres", "-i", "-q", "-s",
                Integer.toString(scale.pgbenchScale()), "bench"));
        Main.log("pgbench: initialised scale %d in %.0f s", scale.pgbenchScale(), (System.nanoTime() - t) / 1e9);
        ObjectNode out = Api.JSON.createObjectNode();
        out.put("binary", binary);
        out.put("version", exec(List.of(binary, "--version")).trim());
        out.put("scale", scale.pgbenchScale());
        out.put("secondsPerRun", scale.pgbenchSeconds());
        out.put("runs", scale.pgbenchRuns());
        try (Connection c = Db.superuser("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version(), current_setting('synchronous_commit'), "
                     + "current_setting('fsync'), current_setting('shared_buffers'), "
                     + "current_setting('max_connections')")) {
            rs.next();
            out.put("server", rs.getString(1));
            out.put("synchronous_commit", rs.getString(2));
            out.put("fsync", rs.getString(3));
            out.put("shared_buffers", rs.getString(4));
            out.put("max_connections", rs.getString(5));
        }
        for (int clients : new int[]{1, 16}) {
            List<Double> tps = new ArrayList<>();
            List<Double> latency = new ArrayList<>();
            for (int run = 1; run <= scale.pgbenchRuns(); run++) {
                String text = exec(List.of(binary, "-h", Db.HOST, "-p", Integer.toString(Db.PORT), "-U", "postgres",
                        "-n", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T",
                        Integer.toString(scale.pgbenchSeconds()), "bench"));
                Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(text);
                Matcher l = Pattern.compile("latency average = ([0-9.]+) ms").matcher(text);
                if (!m.find()) {
                    throw new IllegalStateException("pgbench said: " + text);
                }
                tps.add(Double.parseDouble(m.group(1)));
                if (l.find()) {
                    latency.add(Double.parseDouble(l.group(1)));
                }
                Main.log("pgbench -c %d run %d: %s tps", clients, run, m.group(1));
            }
            ObjectNode o = out.putObject("clients" + clients);
            o.put("tps", median(tps));
            o.put("latencyAverageMs", latency.isEmpty() ? null : median(latency));
            ArrayNode all = o.putArray("tpsRuns");
            tps.forEach(all::add);
        }
        return out;
    }

    static String pgbenchBinary() {
        for (String candidate : List.of("/usr/lib/postgresql/15/bin/pgbench", "/usr/lib/postgresql/17/bin/pgbench",
                "/usr/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no pgbench: apt-get install postgresql-client-15 (or postgresql-15)");
    }

    static String exec(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "");
        Process p = pb.start();
        StringBuilder text = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                text.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ helpers

    /** Per-run p50/p95/p99/max, and the median of each over the runs (what the table shows). */
    static ObjectNode summary(List<Histogram> runs) {
        ObjectNode o = Api.JSON.createObjectNode();
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        long count = 0;
        for (Histogram h : runs) {
            if (h.getTotalCount() == 0) {
                continue;
            }
            p50.add((double) h.getValueAtPercentile(50));
            p95.add((double) h.getValueAtPercentile(95));
            p99.add((double) h.getValueAtPercentile(99));
            max.add((double) h.getMaxValue());
            count += h.getTotalCount();
        }
        o.put("count", count);
        o.put("p50", median(p50));
        o.put("p95", median(p95));
        o.put("p99", median(p99));
        o.put("max", median(max));
        ArrayNode per = o.putArray("p50Runs");
        p50.forEach(per::add);
        return o;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
