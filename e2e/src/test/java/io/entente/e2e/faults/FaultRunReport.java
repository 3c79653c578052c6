package io.entente.e2e.faults;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** The figures of one load run, as {@link DeliveryAudit} counted them, and what in them is wrong. */
public final class FaultRunReport {

    /** One consumer's deliveries. */
    public static final class ConsumerFigures {
        final String service;
        long expected;
        long applied;
        long parked;
        long lost;
        long inboxDuplicateRows;
        long orderViolations;
        long lag;
        ConsumerCounters.Counts counters;
        final List<String> orderSamples = new ArrayList<>();

        ConsumerFigures(String service) {
            this.service = service;
        }

        public String service() {
            return service;
        }

        public long applied() {
            return applied;
        }
    }

    /** One read model compared with the backlog's own rows. */
    record ReadModel(String service, String table, long checked, long missing, long stale, long duplicateRows) {
    }

    private final LoadResult load;
    final Map<String, Long> unpublished = new LinkedHashMap<>();
    final Map<String, Long> topicRecords = new LinkedHashMap<>();
    long commandEvents;
    long derivedEvents;
    long unacknowledgedEvents;
    long otherEvents;
    long acceptedWithoutEvent;
    final List<ConsumerFigures> consumers = new ArrayList<>();
    final List<ReadModel> readModels = new ArrayList<>();
    long decisionRefsMissing;
    long prepItemsPerDecision;
    long prepItemsMissing;
    long prepItemsDuplicated;

    FaultRunReport(LoadResult load) {
        this.load = load;
    }

    void readModel(String service, String table, Map<String, Object[]> source, Map<String, Object[]> copies,
                   BiPredicate<Object[], Object[]> same, long duplicateRows) {
        long missing = 0;
        long stale = 0;
        for (Map.Entry<String, Object[]> entry : source.entrySet()) {
            Object[] copy = copies.get(entry.getKey());
            if (copy == null) {
                missing++;
            } else if (!same.test(entry.getValue(), copy)) {
                stale++;
            }
        }
        readModels.add(new ReadModel(service, table, source.size(), missing, stale, duplicateRows));
    }

    public List<ConsumerFigures> consumers() {
        return consumers;
    }

    public long totalEvents() {
        return commandEvents + derivedEvents + unacknowledgedEvents + otherEvents;
    }

    /**
     * Nothing left to publish, no lag, every expected event in the inbox and every aggregate in the read models.
     * (Whether they are right is the verdict's business, not a reason to wait longer.)
     */
    public boolean caughtUp() {
        return unpublished.values().stream().allMatch(n -> n == 0)
                && consumers.stream().allMatch(c -> c.lag == 0 && c.applied + c.parked == c.expected)
                && readModels.stream().allMatch(r -> r.missing == 0);
    }

    /** Everything that contradicts "each accepted command's events applied exactly once, in order". */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (load.sent() > 0 && load.accepted() * 2 < load.sent()) {
            problems.add("fewer than half the commands were accepted: the load did not really run");
        }
        if (acceptedWithoutEvent > 0) {
            problems.add(acceptedWithoutEvent + " accepted commands have no event in their service's outbox");
        }
        unpublished.forEach((db, n) -> {
            if (n > 0) {
                problems.add(db + ": " + n + " outbox rows still unpublished");
            }
        });
        for (ConsumerFigures c : consumers) {
            if (c.lost > 0) {
                problems.add(c.service + ": " + c.lost + " events lost (" + c.parked + " of them parked as FAILED)");
            }
            if (c.inboxDuplicateRows > 0) {
                problems.add(c.service + ": " + c.inboxDuplicateRows + " duplicate inbox rows");
            }
            if (c.orderViolations > 0) {
                problems.add(c.service + ": " + c.orderViolations + " events applied out of order");
            }
            if (c.lag > 0) {
                problems.add(c.service + ": consumer lag " + c.lag);
            }
        }
        for (ReadModel r : readModels) {
            if (r.missing > 0 || r.stale > 0 || r.duplicateRows > 0) {
                problems.add(r.service + " " + r.table + ": " + r.missing + " missing, " + r.stale
                        + " not in their last event's state, " + r.duplicateRows + " duplicated");
            }
        }
        if (decisionRefsMissing > 0) {
            problems.add("governance-service: " + decisionRefsMissing + " opened decisions missing");
        }
        if (prepItemsMissing > 0 || prepItemsDuplicated > 0) {
            problems.add("backlog-service: prep items per opened decision: " + prepItemsMissing + " missing, "
                    + prepItemsDuplicated + " duplicated");
        }
        return problems;
    }

    public void print(PrintStream out, String title) {
        out.println();
        out.println("==== " + title);
        out.printf("commands sent %d, accepted %d, rejected %d %s%n", load.sent(), load.accepted(), load.rejected(),
                load.rejectedByStatus());
        out.printf("  by kind (sent / accepted with a change / accepted, nothing to change): %s / %s / %s%n",
                load.sentByKind(), load.acceptedByKind(), load.unchangedByKind());
        out.printf("  answer time p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", load.latencyMillis(50),
                load.latencyMillis(99), load.latencyMillis(100));
        out.printf("producer outboxes: %d events: %d for accepted commands, %d derived (prep items of opened"
                        + " decisions), %d of commands answered with an error that committed nonetheless, %d other;"
                        + " accepted commands without an event: %d; unpublished: %s%n",
                totalEvents(), commandEvents, derivedEvents, unacknowledgedEvents, otherEvents, acceptedWithoutEvent,
                unpublished);
        out.printf("topics: records appended %s (more than events = the relay re-sent after a lost ack)%n",
                topicRecords);
        out.printf("%-19s %8s %8s %6s %6s %10s %10s %11s %6s %s%n", "consumer", "expected", "applied", "lost",
                "parked", "dup-effect", "out-order", "dup-absorbd", "lag", "consumer counters (applied/dup/parked)");
        for (ConsumerFigures c : consumers) {
            ConsumerCounters.Counts k = c.counters;
            out.printf("%-19s %8d %8d %6d %6d %10d %10d %11s %6d %s%n", c.service, c.expected, c.applied, c.lost,
                    c.parked, c.inboxDuplicateRows, c.orderViolations, k == null ? "-" : Long.toString(k.duplicates()),
                    c.lag, k == null ? "-" : k.applied() + "/" + k.duplicates() + "/" + k.parked());
        }
        for (ConsumerFigures c : consumers) {
            c.orderSamples.forEach(sample -> out.println("  out of order in " + c.service + ": " + sample));
        }
        for (ReadModel r : readModels) {
            out.printf("read model %s %s: %d aggregates checked, %d missing, %d not in the last event's state,"
                    + " %d duplicate rows%n", r.service, r.table, r.checked, r.missing, r.stale, r.duplicateRows);
        }
        if (prepItemsPerDecision > 0) {
            out.printf("prep items per opened decision (backlog, playbook of %d): %d missing, %d duplicated;"
                    + " decisions missing in governance: %d%n", prepItemsPerDecision, prepItemsMissing,
                    prepItemsDuplicated, decisionRefsMissing);
        }
        List<String> problems = problems();
        out.println(problems.isEmpty() ? "verdict: nothing lost, nothing applied twice, order kept, lag 0"
                : "PROBLEMS: " + problems);
        out.println("====");
    }
}
