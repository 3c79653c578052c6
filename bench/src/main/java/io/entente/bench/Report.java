package io.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Gathers Gatling's and the harness' figures into results/latest.json and results/latest.md, and prints the table. */
final class Report {

    private final Path root;
    private final Path target;
    private final Scale scale;
    private final Properties state;
    private final ObjectNode json = Api.JSON.createObjectNode();
    private final StringBuilder md = new StringBuilder();

    Report(Path root, Path target, Scale scale, Properties state) {
        this.root = root;
        this.target = target;
        this.scale = scale;
        this.state = state;
    }

    /**
     * request name -> per measured run: {p50, p95, p99, count/s, count, ko}, read from the statistics table of each
     * Gatling report's index.html (Gatling 3.14 writes no stats.json).
     */
    private Map<String, List<double[]>> gatling() throws Exception {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        Path runs = target.resolve("gatling-runs");
        if (!Files.exists(runs)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(runs)) {
            files = s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .filter(p -> !p.toString().contains("/run-0/")).sorted().toList();
        }
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>");
        java.util.regex.Pattern cell = java.util.regex.Pattern.compile(
                "<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
        for (Path f : files) {
            String html = Files.readString(f);
            java.util.regex.Matcher m = name.matcher(html);
            while (m.find()) {
                String request = m.group(1);
                if (request.equals("All Requests")) {
                    continue;
                }
                java.util.regex.Matcher c = cell.matcher(html);
                c.region(m.end(), html.length());
                double[] v = new double[15];
                java.util.Arrays.fill(v, Double.NaN);
                int seen = 0;
                while (seen < 13 && c.find()) {
                    String text = c.group(2).replace(",", "").trim();
                    v[Integer.parseInt(c.group(1))] = text.equals("-") || text.isEmpty() ? 0 : Double.parseDouble(text);
                    seen++;
                }
                // col-2 total, col-4 KO, col-6 count/s, col-8..10 p50/p95/p99
                out.computeIfAbsent(request, k -> new ArrayList<>())
                        .add(new double[]{v[8], v[9], v[10], v[6], v[2], v[4], v[13]});
            }
        }
        return out;
    }

    private static double num(JsonNode n) {
        JsonNode v = n.has("total") ? n.path("total") : n;
        return v.isNumber() ? v.asDouble() : v.isTextual() && !v.asText().equals("-") ? Double.parseDouble(v.asText())
                : Double.NaN;
    }

    private static Double med(List<double[]> runs, int i) {
        List<Double> v = new ArrayList<>();
        for (double[] r : runs) {
            if (!Double.isNaN(r[i])) {
                v.add(r[i]);
            }
        }
        return Measures.median(v);
    }

    void write() throws Exception {
        facts();
        Map<String, List<double[]>> g = gatling();
        ObjectNode events = Main.read("events");
        ObjectNode kafka = Main.read("kafka");
        ObjectNode pgbench = Main.read("pgbench");
        ObjectNode procs = Main.read("procs");

        ObjectNode results = json.putObject("results");
        md.append("\n| measurement | requests (all runs) | throughput /s | p50 ms | p95 ms | p99 ms | notes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        String[][] http = {
                {"create-sequential", "item create, 1 client (POST /api/backlog-items)"},
                {"create-concurrent", "item create, " + scale.concUsers() + " concurrent clients"},
                {"board-small", "board read, " + scale.boardSmall() + " items (GET /api/sprints/{id}/board)"},
                {"board-large", "board read, " + scale.boardLarge() + " items"},
                {"backlog-first-page", "backlog first page (50) of all items, by rank"},
                {"backlog-first-page-one-alliance", "backlog first page (50) of one alliance"},
                {"packet-generate", "packet generate, largest meeting (POST .../packets)"},
                {"packet-html", "packet HTML, largest meeting"},
                {"packet-pdf", "packet PDF, largest meeting"}};
        for (String[] row : http) {
            List<double[]> runs = g.get(row[0]);
            if (runs == null) {
                continue;
            }
            double count = runs.stream().mapToDouble(r -> r[4]).sum();
            double ko = runs.stream().mapToDouble(r -> r[5]).sum();
            boolean throughput = row[0].startsWith("create");
            ObjectNode o = results.putObject(row[0]).put("label", row[1]).put("runs", runs.size())
                    .put("requests", count).put("failed", ko).put("p50Ms", med(runs, 0)).put("p95Ms", med(runs, 1))
                    .put("p99Ms", med(runs, 2));
            String littles = "";
            if (throughput) {
                o.put("throughputPerSecond", med(runs, 3));
                int users = row[0].equals("create-sequential") ? 1 : scale.concUsers();
                Double mean = med(runs, 6);
                if (mean != null && mean > 0) {
                    o.put("throughputByLittlesLawPerSecond", users * 1000.0 / mean);
                    littles = "cross-check clients ÷ mean latency: " + fmt1(users * 1000.0 / mean) + "/s; ";
                }
            }
            ArrayNode perRun = o.putArray("p50MsRuns");
            runs.forEach(r -> perRun.add(r[0]));
            row(row[1], fmt0(count), throughput ? fmt1(med(runs, 3)) : "", fmt1(med(runs, 0)), fmt1(med(runs, 1)),
                    fmt1(med(runs, 2)), (ko > 0 ? ko + " failed; " : "") + littles + "Gatling, median of " + runs.size()
                            + " runs");
        }
        if (pgbench != null) {
            results.set("pgbench", pgbench);
            for (String c : List.of("clients1", "clients16")) {
                JsonNode p = pgbench.path(c);
                row("pgbench TPC-B, " + c.substring(7) + " client(s), scale " + pgbench.path("scale").asInt(),
                        "", fmt1(p.path("tps").asDouble()), "", "", "", "avg latency " + fmt1(
                                p.path("latencyAverageMs").asDouble()) + " ms; median of "
                                + pgbench.path("runs").asInt() + " runs; server fsync=" + pgbench.path("fsync").asText()
                                + ", synchronous_commit=" + pgbench.path("synchronous_commit").asText());
            }
            Double seq = results.path("create-sequential").path("throughputPerSecond").isNumber()
                    ? results.path("create-sequential").path("throughputPerSecond").asDouble() : null;
            Double conc = results.path("create-concurrent").path("throughputPerSecond").isNumber()
                    ? results.path("create-concurrent").path("throughputPerSecond").asDouble() : null;
            ObjectNode ratio = results.putObject("createVsPgbench");
            if (seq != null) {
                double r = seq / pgbench.path("clients1").path("tps").asDouble();
                ratio.put("sequential", r);
                row("ratio: item creates/s ÷ pgbench tps, 1 client", "", fmt2(r), "", "", "", "");
            }
            if (conc != null) {
                double r = conc / pgbench.path("clients16").path("tps").asDouble();
                ratio.put("concurrent16", r);
                row("ratio: item creates/s ÷ pgbench tps, 16 clients", "", fmt2(r), "", "", "", "");
            }
        }
        ObjectNode limit = Main.read("ratelimit");
        if (limit != null) {
            ObjectNode cost = RateLimitCost.summary(limit);
            results.set("rateLimitCostPerWrite", cost);
            String label = "rate-limit cost per write (backlog-service: shared bucket statement before each create)";
            if (cost.path("checks").asDouble() > 0) {
                double mean = cost.path("meanMs").asDouble();
                double create = cost.path("createMeanMs").asDouble();
                row(label, fmt0(cost.path("checks").asDouble()), "", "≤ " + fmt1(cost.path("p50UpToMs").asDouble()),
                        "", "≤ " + fmt1(cost.path("p99UpToMs").asDouble()), "mean " + fmt2(mean) + " ms per write"
                                + (create > 0 ? " = " + fmt1(100 * mean / create) + " % of a create's mean server "
                                + "time (" + fmt1(create) + " ms)" : "") + "; service timer "
                                + "entente_rate_limit_check_seconds over the measured runs' writes, p50/p99 as "
                                + "bucket upper bounds");
            } else {
                row(label, "0", "", "", "", "", "limit off in this run (--no-rate-limit): the create rows above are "
                        + "the figures without it");
            }
        }
        if (events != null) {
            results.set("eventPropagation", events);
            JsonNode paths = events.path("microsFromCommitTo");
            String rate = fmt0(events.path("achievedRatePerSecond").asDouble()) + " events/s achieved (target "
                    + events.path("targetRatePerSecond").asInt() + "), median of " + events.path("runs").asInt()
                    + " runs";
            for (String consumer : List.of("sprint", "decision", "governance")) {
                JsonNode p = paths.path(consumer);
                row("event propagation backlog → " + consumer + "-service (outbox commit → inbox)",
                        fmt0(p.path("count").asDouble()), "", ms(p, "p50"), ms(p, "p95"), ms(p, "p99"), rate);
            }
            JsonNode relay = paths.path("relay-pickup");
            row("  of which: commit → relay picks the outbox row", fmt0(relay.path("count").asDouble()), "",
                    ms(relay, "p50"), ms(relay, "p95"), ms(relay, "p99"), "");
        }
        if (kafka != null) {
            results.set("kafkaRoundTrip", kafka);
            JsonNode k = kafka.path("micros");
            row("raw Kafka produce → consume, same broker", fmt0(k.path("count").asDouble()), "", ms(k, "p50"),
                    ms(k, "p95"), ms(k, "p99"), kafka.path("ratePerSecond").asInt() + " msg/s, acks=all, linger 2 ms");
            if (events != null) {
                JsonNode e = events.path("microsFromCommitTo").path("sprint");
                ObjectNode ratio = results.putObject("propagationVsKafka");
                double r50 = e.path("p50").asDouble() / k.path("p50").asDouble();
                double r99 = e.path("p99").asDouble() / k.path("p99").asDouble();
                ratio.put("p50", r50).put("p99", r99);
                row("ratio: propagation to sprint-service ÷ raw Kafka", "", "", fmt1(r50) + "×", "", fmt1(r99) + "×",
                        "p50 and p99");
            }
        }
        if (procs != null) {
            results.set("processes", procs);
            md.append("\n| process | RSS MB | PSS MB | process start → listening s | Quarkus 'started in' s |\n");
            md.append("|---|---:|---:|---:|---:|\n");
            for (JsonNode p : procs.path("processes")) {
                if (!p.path("pid").isNumber()) {
                    continue;
                }
                md.append("| ").append(p.path("name").asText()).append(" | ").append(fmt0(p.path("rssMb").asDouble()))
                        .append(" | ").append(fmt0(p.path("pssMb").asDouble())).append(" | ")
                        .append(p.has("startupToListeningS") ? fmt1(p.path("startupToListeningS").asDouble()) : "")
                        .append(" | ")
                        .append(p.has("quarkusStartedInS") ? fmt1(p.path("quarkusStartedInS").asDouble()) : "")
                        .append(" |\n");
            }
            JsonNode s = procs.path("stack");
            md.append("| **whole stack** (").append(s.path("processes").asInt()).append(" processes) | ")
                    .append(fmt0(s.path("rssSumMb").asDouble())).append(" | ").append(fmt0(s.path("pssSumMb").asDouble()))
                    .append(" | ").append(s.has("startupToLastListeningS")
                            ? fmt1(s.path("startupToLastListeningS").asDouble()) + " (launcher start → last listening)"
                            : "").append(" | |\n");
        }
        md.append("""

                How: HTTP figures from Gatling %s (closed model, keep-alive, one connection per virtual user; one warm-up
                run discarded, then the median over the measured runs of each run's p50/p95/p99 and throughput).
                Event propagation from the databases' own timestamps: outbox_event.occurred_at (in the creating
                transaction) to inbox_event.received_at (start of the consumer's transaction), recorded in HdrHistogram.
                Raw Kafka: producer and consumer in one JVM, HdrHistogram. RSS/PSS from /proc; startup from process
                start (/proc/PID/stat) to the Quarkus "Listening on" log line of the running stack.
                """.formatted(gatlingVersion()));
        Path out = root.resolve("bench/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.json"), Api.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(json) + "\n");
        Files.writeString(out.resolve("latest.md"), md.toString());
        System.out.println(md);
    }

    private void facts() throws Exception {
        ObjectNode m = json.putObject("machine");
        m.put("date", Instant.now().toString());
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").trim());
        m.put("memTotalMb", Long.parseLong(sh("awk '/MemTotal/ {print $2}' /proc/meminfo").trim()) / 1024);
        m.put("kernel", sh("uname -r").trim());
        m.put("jdkServices", sh("java -version 2>&1 | head -1").trim());
        m.put("jdkHarness", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("gitCommit", sh("git -C '" + root + "' rev-parse --short HEAD").trim()
                + (sh("git -C '" + root + "' status --porcelain -- services deploy frontend pom.xml").isBlank() ? ""
                : " (+ uncommitted changes)"));
        Path load = target.resolve("loadavg.log");
        double min = Double.MAX_VALUE, max = 0, sum = 0;
        int n = 0;
        if (Files.exists(load)) {
            for (String l : Files.readAllLines(load)) {
                String[] f = l.trim().split("\\s+");
                if (f.length >= 2) {
                    double v = Double.parseDouble(f[1]);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                }
            }
        }
        if (n > 0) {
            m.put("loadAvg1mDuringRunMin", min).put("loadAvg1mDuringRunMean", sum / n).put("loadAvg1mDuringRunMax", max);
        }
        ObjectNode d = json.putObject("dataSet");
        d.put("scale", scale.name());
        long items = Db.count("backlog", "select count(*) from backlog_item");
        d.put("backlogItems", items);
        d.put("backlogItemsViaSql", Long.parseLong(state.getProperty("itemsViaSql", "0")));
        d.put("alliances", Db.count("backlog", "select count(*) from alliance"));
        d.put("decisions", Db.count("decision", "select count(*) from decision"));
        d.put("meetings", Db.count("governance", "select count(*) from meeting"));
        String small = state.getProperty("boardSmall");
        String large = state.getProperty("boardLarge");
        d.put("boardSmallItems", Db.count("sprint", "select count(*) from sprint_item where sprint_id = '" + small
                + "' and status <> 'REMOVED'"));
        d.put("boardLargeItems", Db.count("sprint", "select count(*) from sprint_item where sprint_id = '" + large
                + "' and status <> 'REMOVED'"));
        d.put("boardCommitsViaApi", state.getProperty("commitsViaApi." + small, "0") + " + "
                + state.getProperty("commitsViaApi." + large, "0"));
        d.put("boardCommitsViaSql", state.getProperty("commitsViaSql." + small, "0") + " + "
                + state.getProperty("commitsViaSql." + large, "0"));
        d.put("lastApiCommitMsLargeBoard", state.getProperty("lastCommitMs." + large, ""));

        md.append("## Entente benchmark — ").append(m.path("date").asText()).append("\n\n");
        md.append("Machine: ").append(m.path("nproc").asInt()).append(" CPUs (").append(m.path("cpu").asText())
                .append("), ").append(m.path("memTotalMb").asLong()).append(" MB RAM, kernel ")
                .append(m.path("kernel").asText()).append("; services on ").append(m.path("jdkServices").asText())
                .append("; commit ").append(m.path("gitCommit").asText()).append(".\n");
        if (n > 0) {
            md.append(String.format(Locale.ROOT, "Load average (1 min) during the run: min %.2f, mean %.2f, max %.2f"
                    + " (shared machine: other work ran too).%n", min, sum / n, max));
        }
        md.append(String.format(Locale.ROOT, "Data set (%s): %d alliances, %,d backlog items (%,d of them by SQL COPY),"
                        + " boards of %d and %d items (commits via API: %s, via SQL: %s), %d decisions, %d meetings.%n",
                scale.name(), d.path("alliances").asLong(), items, d.path("backlogItemsViaSql").asLong(),
                d.path("boardSmallItems").asLong(), d.path("boardLargeItems").asLong(),
                d.path("boardCommitsViaApi").asText(), d.path("boardCommitsViaSql").asText(),
                d.path("decisions").asLong(), d.path("meetings").asLong()));
    }

    private String gatlingVersion() {
        return "3.14.3";
    }

    private void row(String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String ms(JsonNode micros, String key) {
        return micros.path(key).isNumber() ? fmt1(micros.path(key).asDouble() / 1000.0) : "";
    }

    static String fmt0(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String fmt1(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt2(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String sh(String command) {
        try {
            return Measures.exec(List.of("bash", "-c", command));
        } catch (Exception e) {
            return "";
        }
    }
}
