package io.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the per-user write limit costs each write, from backlog-service's own timer of the check
 * ({@code entente_rate_limit_check_seconds}: the shared bucket's statement, connection included) and its HTTP timer
 * of the creates ({@code http_server_requests_seconds}, POST /api/backlog-items, 201): both scraped from /q/metrics
 * before and after each measured Gatling run, so the figure covers exactly the writes of the measured runs.
 */
final class RateLimitCost {

    private static final Pattern LINE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
    private static final String CHECK = "entente_rate_limit_check_seconds";
    private static final String HTTP = "http_server_requests_seconds";

    private RateLimitCost() {
    }

    /** The counters now: check count, sum and cumulative buckets; create count and sum. */
    static ObjectNode snapshot() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Api.BACKLOG + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode out = Api.JSON.createObjectNode();
        ObjectNode buckets = out.putObject("buckets");
        double count = 0;
        double sum = 0;
        double creates = 0;
        double createSeconds = 0;
        for (String line : r.body().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String labels = m.group(2);
            double value = Double.parseDouble(m.group(3));
            if (name.equals(CHECK + "_count")) {
                count += value;
            } else if (name.equals(CHECK + "_sum")) {
                sum += value;
            } else if (name.equals(CHECK + "_bucket")) {
                Matcher le = LE.matcher(labels);
                if (le.find()) {
                    buckets.put(le.group(1), buckets.path(le.group(1)).asDouble() + value);
                }
            } else if (name.startsWith(HTTP) && labels.contains("uri=\"/api/backlog-items\"")
                    && labels.contains("method=\"POST\"") && labels.contains("status=\"201\"")) {
                if (name.equals(HTTP + "_count")) {
                    creates += value;
                } else if (name.equals(HTTP + "_sum")) {
                    createSeconds += value;
                }
            }
        }
        return out.put("count", count).put("sumSeconds", sum).put("creates", creates)
                .put("createSeconds", createSeconds);
    }

    static void before() throws Exception {
        Files.writeString(Main.target.resolve("ratelimit-before.json"), snapshot().toString());
    }

    /** Appends this run's difference (after − before) to measure-ratelimit.json. */
    static JsonNode after() throws Exception {
        JsonNode was = Api.JSON.readTree(Main.target.resolve("ratelimit-before.json").toFile());
        ObjectNode now = snapshot();
        ObjectNode run = Api.JSON.createObjectNode();
        run.put("checks", now.path("count").asDouble() - was.path("count").asDouble());
        run.put("checkSeconds", now.path("sumSeconds").asDouble() - was.path("sumSeconds").asDouble());
        run.put("creates", now.path("creates").asDouble() - was.path("creates").asDouble());
        run.put("createSeconds", now.path("createSeconds").asDouble() - was.path("createSeconds").asDouble());
        ObjectNode buckets = run.putObject("buckets");
        now.path("buckets").fields().forEachRemaining(e -> buckets.put(e.getKey(),
                e.getValue().asDouble() - was.path("buckets").path(e.getKey()).asDouble()));
        Path file = Main.target.resolve("measure-ratelimit.json");
        ObjectNode all = Files.exists(file) ? (ObjectNode) Api.JSON.readTree(file.toFile())
                : Api.JSON.createObjectNode();
        ArrayNode runs = all.has("runs") ? (ArrayNode) all.get("runs") : all.putArray("runs");
        runs.add(run);
        Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        return run;
    }

    /**
     * Over all measured runs: checks, mean ms, p50/p99 as the upper bound of the timer's bucket that holds them, and
     * the mean server time of a create for comparison.
     */
    static ObjectNode summary(JsonNode measured) {
        double checks = 0;
        double seconds = 0;
        double creates = 0;
        double createSeconds = 0;
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (JsonNode run : measured.path("runs")) {
            checks += run.path("checks").asDouble();
            seconds += run.path("checkSeconds").asDouble();
            creates += run.path("creates").asDouble();
            createSeconds += run.path("createSeconds").asDouble();
            run.path("buckets").fields().forEachRemaining(e -> cumulative.merge(
                    e.getKey().equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(e.getKey()),
                    e.getValue().asDouble(), Double::sum));
        }
        ObjectNode out = Api.JSON.createObjectNode().put("checks", checks).put("creates", creates);
        if (checks > 0) {
            out.put("meanMs", seconds / checks * 1000);
            out.put("p50UpToMs", upperBound(cumulative, checks * 0.50));
            out.put("p99UpToMs", upperBound(cumulative, checks * 0.99));
        }
        if (creates > 0) {
            out.put("createMeanMs", createSeconds / creates * 1000);
        }
        return out;
    }

    private static double upperBound(TreeMap<Double, Double> cumulative, double rank) {
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= rank) {
                return e.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
