package io.entente.e2e.faults;

import io.entente.e2e.faults.LoadDriver.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the services answered to a {@link LoadDriver}'s commands. Thread-safe. */
public final class LoadResult {

    private final Map<String, Map<Kind, Integer>> answers = new ConcurrentHashMap<>();
    /** aggregate id (item or decision) → accepted commands on it, by kind. */
    private final Map<String, Map<Kind, Integer>> acceptedByAggregate = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Map<Kind, Integer> unchangedByKind = new ConcurrentHashMap<>();

    void answered(Kind kind, String status, long nanos) {
        answers.computeIfAbsent(status, s -> Collections.synchronizedMap(new EnumMap<>(Kind.class)))
                .merge(kind, 1, Integer::sum);
        latencies.add(nanos);
    }

    void accepted(Kind kind, String aggregateId) {
        acceptedByAggregate.computeIfAbsent(aggregateId, id -> Collections.synchronizedMap(new EnumMap<>(Kind.class)))
                .merge(kind, 1, Integer::sum);
    }

    void unchanged(Kind kind) {
        unchangedByKind.merge(kind, 1, Integer::sum);
    }

    /** Kind → accepted commands that changed nothing (same ETag back), so no event is due for them. */
    public Map<Kind, Integer> unchangedByKind() {
        return Map.copyOf(unchangedByKind);
    }

    public int sent() {
        return answers.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    public int accepted() {
        return answers.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .flatMap(e -> e.getValue().values().stream()).mapToInt(Integer::intValue).sum();
    }

    public int rejected() {
        return sent() - accepted();
    }

    /** Status (or "no answer (...)") → count, for everything that was not 2xx. */
    public Map<String, Integer> rejectedByStatus() {
        Map<String, Integer> byStatus = new TreeMap<>();
        answers.forEach((status, kinds) -> {
            if (!status.startsWith("2")) {
                byStatus.put(status, kinds.values().stream().mapToInt(Integer::intValue).sum());
            }
        });
        return byStatus;
    }

    /** Kind → sent count. */
    public Map<Kind, Integer> sentByKind() {
        Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
        answers.values().forEach(kinds -> kinds.forEach((kind, n) -> byKind.merge(kind, n, Integer::sum)));
        return byKind;
    }

    /** Kind → accepted count. */
    public Map<Kind, Integer> acceptedByKind() {
        Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
        acceptedByAggregate.values().forEach(kinds -> kinds.forEach((kind, n) -> byKind.merge(kind, n,
                Integer::sum)));
        return byKind;
    }

    public Set<String> aggregates() {
        return acceptedByAggregate.keySet();
    }

    public int acceptedOn(String aggregateId, Kind kind) {
        return acceptedByAggregate.getOrDefault(aggregateId, Map.of()).getOrDefault(kind, 0);
    }

    public List<String> aggregatesCreatedBy(Kind kind) {
        return acceptedByAggregate.entrySet().stream().filter(e -> e.getValue().containsKey(kind))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Answer time percentile in milliseconds (p in 0..100). */
    public double latencyMillis(double p) {
        List<Long> sorted = new ArrayList<>(latencies);
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.round(p / 100 * (sorted.size() - 1)));
        return sorted.get(index) / 1e6;
    }
}
