package io.entente.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event consumers' own counters (EventConsumer.stats(), published by each service's readiness check as
 * eventsApplied, duplicatesAbsorbed, eventsParked), read every half second while a run goes on. The counters live in
 * memory and start from zero in a new process, so the last reading before a stop is banked
 * ({@link #beforeStop(String)}); whatever a killed process applied after its last reading is not counted: the
 * figures are "at least".
 */
public final class ConsumerCounters implements AutoCloseable {

    /** Counters of one service, summed over its processes. */
    public record Counts(long applied, long duplicates, long parked) {
        Counts plus(Counts other) {
            return new Counts(applied + other.applied, duplicates + other.duplicates, parked + other.parked);
        }
    }

    private static final Counts ZERO = new Counts(0, 0, 0);

    private final Map<String, String> readinessUrls;
    private final Map<String, Counts> banked = new LinkedHashMap<>();
    private final Map<String, Counts> current = new LinkedHashMap<>();
    private final Map<String, Counts> start = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "consumer-counters");
        thread.setDaemon(true);
        return thread;
    });

    /** @param baseUrls service name → base URL, e.g. sprint-service → http://127.0.0.1:8082 */
    public ConsumerCounters(Map<String, String> baseUrls) {
        this.readinessUrls = new LinkedHashMap<>();
        baseUrls.forEach((name, url) -> readinessUrls.put(name, url + "/q/health/ready"));
        for (String name : baseUrls.keySet()) {
            Counts now = read(name);
            start.put(name, now == null ? ZERO : now);
            current.put(name, start.get(name));
            banked.put(name, ZERO);
        }
        sampler.scheduleWithFixedDelay(this::sampleAll, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Call just before stopping or killing a service: its counters restart from zero in the next process. */
    public synchronized void beforeStop(String name) {
        sample(name);
        banked.merge(name, current.get(name), Counts::plus);
        current.put(name, ZERO);
    }

    /** What the service's consumer did since this object was created. */
    public synchronized Counts since(String name) {
        sample(name);
        Counts total = banked.get(name).plus(current.get(name));
        Counts before = start.get(name);
        return new Counts(total.applied - before.applied, total.duplicates - before.duplicates,
                total.parked - before.parked);
    }

    private synchronized void sampleAll() {
        readinessUrls.keySet().forEach(this::sample);
    }

    private void sample(String name) {
        Counts now = read(name);
        if (now != null) {
            current.put(name, now);
        }
    }

    /** Null while the service does not answer (it is down or restarting). */
    private Counts read(String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(readinessUrls.get(name)))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            // 503 (e.g. PostgreSQL down) still carries the messaging check's data.
            for (JsonNode check : json.readTree(response.body()).path("checks")) {
                if ("messaging".equals(check.path("name").asText())) {
                    JsonNode data = check.path("data");
                    return new Counts(data.path("eventsApplied").asLong(), data.path("duplicatesAbsorbed").asLong(),
                            data.path("eventsParked").asLong());
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
