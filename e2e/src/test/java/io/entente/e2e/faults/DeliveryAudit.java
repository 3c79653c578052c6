package io.entente.e2e.faults;

import io.entente.e2e.faults.LoadDriver.Kind;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a load run against the stack's databases and broker: every event the producers committed for the run must
 * be applied by every consumer that handles its type, once, in order per aggregate, and the read models must end
 * in the state of each aggregate's last event. Everything is counted from the rows themselves (outbox, inbox, read
 * models), joined on event id; the services' own counters only add the redeliveries they absorbed.
 */
public final class DeliveryAudit {

    static final String CREATED = "io.entente.BacklogItemCreated";
    static final String UPDATED = "io.entente.BacklogItemUpdated";
    static final String RANKED = "io.entente.BacklogItemRanked";
    static final String DROPPED = "io.entente.BacklogItemDropped";
    static final String OPENED = "io.entente.DecisionOpened";
    private static final Set<String> DECISION_EVENTS = Set.of(OPENED, "io.entente.DecisionProposed",
            "io.entente.DecisionDecided", "io.entente.DecisionDeferred", "io.entente.DecisionEscalated",
            "io.entente.DecisionRiskChanged", "io.entente.DecisionWithdrawn");

    /** A service that consumes: its database, consumer group, and the event types it handles, per producer. */
    public record Consumer(String service, String database, Map<String, Set<String>> typesByProducer) {
        String group() {
            return service;
        }
    }

    /** Who consumes what (each service's EventHandler.handles()), restricted to what the load driver produces. */
    public static final List<Consumer> CONSUMERS = List.of(
            new Consumer("sprint-service", "sprint", Map.of("backlog", Set.of(CREATED, UPDATED, RANKED, DROPPED))),
            new Consumer("decision-service", "decision", Map.of("backlog", Set.of(CREATED, UPDATED, DROPPED))),
            new Consumer("governance-service", "governance", Map.of("backlog", Set.of(CREATED, UPDATED, DROPPED),
                    "decision", DECISION_EVENTS)),
            new Consumer("backlog-service", "backlog", Map.of("decision", Set.of(OPENED,
                    "io.entente.DecisionWithdrawn"))));

    private static final List<String> PRODUCERS = List.of("backlog", "decision");
    private static final Map<String, String> TOPICS = Map.of("backlog", "backlog-item.events", "decision",
            "decision.events");

    /** Where the outboxes and topics stood before the run: only what comes after is the run's. */
    public record Watermarks(Map<String, Long> outboxId, Map<String, Long> topicRecords) {
    }

    /** One committed event of the run, from a producer's outbox. */
    record OutboxEvent(long id, String eventId, String aggregateId, String type) {
    }

    private final String titlePrefix;
    private final Watermarks marks;
    private final LoadResult load;
    private final Set<String> consumersToCheck;
    private final Map<String, StackDatabase> databases = new HashMap<>();

    /**
     * @param consumersToCheck services whose deliveries are checked (a run may only concern some of them)
     */
    public DeliveryAudit(String titlePrefix, Watermarks marks, LoadResult load, Set<String> consumersToCheck) {
        this.titlePrefix = titlePrefix;
        this.marks = marks;
        this.load = load;
        this.consumersToCheck = consumersToCheck;
        for (String db : List.of("backlog", "sprint", "decision", "governance")) {
            databases.put(db, new StackDatabase(db));
        }
    }

    public static Watermarks watermarks(KafkaGroups kafka) {
        Map<String, Long> outbox = new LinkedHashMap<>();
        Map<String, Long> records = new LinkedHashMap<>();
        for (String producer : PRODUCERS) {
            outbox.put(producer, new StackDatabase(producer).count("select coalesce(max(id), 0) from outbox_event"));
            records.put(producer, kafka.records(TOPICS.get(producer)));
        }
        return new Watermarks(outbox, records);
    }

    /** Takes every count; {@link FaultRunReport#caughtUp()} says whether the consumers are done. */
    public FaultRunReport check(KafkaGroups kafka, ConsumerCounters counters) {
        FaultRunReport report = new FaultRunReport(load);
        Map<String, List<OutboxEvent>> events = new LinkedHashMap<>();
        for (String producer : PRODUCERS) {
            StackDatabase db = databases.get(producer);
            events.put(producer, db.rows("""
                            select id, event_id::text, aggregate_id, event_type from outbox_event where id > ?
                            order by id""", marks.outboxId().get(producer)).stream()
                    .map(r -> new OutboxEvent(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                            (String) r[3])).toList());
            report.unpublished.put(producer, db.count("select count(*) from outbox_event where published_at is null"));
            long appended = kafka.records(TOPICS.get(producer)) - marks.topicRecords().get(producer);
            report.topicRecords.put(TOPICS.get(producer), appended);
        }

        // The run's aggregates as the producers stored them.
        Set<String> decisions = new HashSet<>(load.aggregatesCreatedBy(Kind.OPEN_DECISION));
        List<Object[]> decisionRows = databases.get("decision").rows(
                "select id::text from decision where title like ?", titlePrefix + "%");
        Set<String> unacknowledgedDecisions = decisionRows.stream().map(r -> (String) r[0])
                .filter(id -> !decisions.contains(id)).collect(Collectors.toSet());
        Set<String> allDecisions = new HashSet<>(decisions);
        allDecisions.addAll(unacknowledgedDecisions);
        List<String> decisionRefs = allDecisions.stream().map(id -> "decision:" + id).toList();
        Map<String, Object[]> items = databases.get("backlog").rows("""
                        select id::text, title, rank, status, estimate, source_ref from backlog_item
                        where title like ? or source_ref = any(?)""", titlePrefix + "%",
                StackDatabase.array("varchar", decisionRefs)).stream()
                .collect(Collectors.toMap(r -> (String) r[0], Function.identity()));
        Set<String> created = new HashSet<>(load.aggregatesCreatedBy(Kind.CREATE_ITEM));
        Set<String> prepItems = items.values().stream().filter(r -> r[5] != null).map(r -> (String) r[0])
                .collect(Collectors.toSet());

        producerChecks(report, events, created, prepItems, items.keySet(), decisions, allDecisions);
        for (Consumer consumer : CONSUMERS) {
            if (consumersToCheck.contains(consumer.service())) {
                report.consumers.add(consumerCheck(consumer, events, kafka, counters));
            }
        }
        readModelChecks(report, items, prepItems, allDecisions);
        return report;
    }

    private void producerChecks(FaultRunReport report, Map<String, List<OutboxEvent>> events, Set<String> created,
                                Set<String> prepItems, Set<String> runItems, Set<String> decisions,
                                Set<String> allDecisions) {
        Map<String, Map<String, Integer>> perAggregate = new HashMap<>();
        for (String producer : PRODUCERS) {
            for (OutboxEvent e : events.get(producer)) {
                perAggregate.computeIfAbsent(e.aggregateId(), a -> new HashMap<>()).merge(e.type(), 1, Integer::sum);
                if (created.contains(e.aggregateId()) || decisions.contains(e.aggregateId())) {
                    report.commandEvents++;
                } else if (prepItems.contains(e.aggregateId())) {
                    report.derivedEvents++;
                } else if (runItems.contains(e.aggregateId()) || allDecisions.contains(e.aggregateId())) {
                    report.unacknowledgedEvents++; // created by a command whose answer was an error or lost
                } else {
                    report.otherEvents++;
                }
            }
        }
        Map<Kind, String> typeOf = Map.of(Kind.CREATE_ITEM, CREATED, Kind.UPDATE_ITEM, UPDATED, Kind.RANK_ITEM,
                RANKED, Kind.OPEN_DECISION, OPENED);
        for (String aggregate : load.aggregates()) {
            for (Map.Entry<Kind, String> kind : typeOf.entrySet()) {
                int accepted = load.acceptedOn(aggregate, kind.getKey());
                int stored = perAggregate.getOrDefault(aggregate, Map.of()).getOrDefault(kind.getValue(), 0);
                report.acceptedWithoutEvent += Math.max(0, accepted - stored);
                // A command answered with an error (or not at all) that committed nonetheless.
                report.unacknowledgedEvents += Math.max(0, stored - accepted);
                report.commandEvents -= Math.max(0, stored - accepted);
            }
        }
    }

    private FaultRunReport.ConsumerFigures consumerCheck(Consumer consumer, Map<String, List<OutboxEvent>> events,
                                                         KafkaGroups kafka, ConsumerCounters counters) {
        List<OutboxEvent> expected = new ArrayList<>();
        consumer.typesByProducer().forEach((producer, types) -> events.get(producer).stream()
                .filter(e -> types.contains(e.type())).forEach(expected::add));
        StackDatabase db = databases.get(consumer.database());
        Map<String, Object[]> inbox = db.rows("""
                        select event_id::text, status, received_at from inbox_event where event_id = any(?)""",
                StackDatabase.array("uuid", expected.stream().map(OutboxEvent::eventId).toList())).stream()
                .collect(Collectors.toMap(r -> (String) r[0], Function.identity()));
        FaultRunReport.ConsumerFigures figures = new FaultRunReport.ConsumerFigures(consumer.service());
        figures.expected = expected.size();
        for (OutboxEvent e : expected) {
            Object[] row = inbox.get(e.eventId());
            if (row != null && "APPLIED".equals(row[1])) {
                figures.applied++;
            } else if (row != null) {
                figures.parked++;
            }
        }
        figures.lost = figures.expected - figures.applied;
        figures.inboxDuplicateRows = db.count("select count(*) - count(distinct event_id) from inbox_event");
        figures.orderViolations = orderViolations(expected, inbox, figures.orderSamples);
        figures.lag = kafka.lag(consumer.group());
        figures.counters = counters == null ? null : counters.since(consumer.service());
        return figures;
    }

    /**
     * Per aggregate, the consumer must have applied the events in the order the producer committed them. Each
     * consumer applies one event per transaction, one after the other, so the inbox's received_at (the applying
     * transaction's start) must not go backwards along the producer's outbox order.
     */
    private static long orderViolations(List<OutboxEvent> expected, Map<String, Object[]> inbox,
                                        List<String> samples) {
        Map<String, OutboxEvent> lastEvent = new HashMap<>();
        Map<String, OffsetDateTime> lastReceived = new HashMap<>();
        long violations = 0;
        for (OutboxEvent e : expected) { // in outbox id order per producer; aggregates never span producers
            Object[] row = inbox.get(e.eventId());
            if (row == null) {
                continue;
            }
            OffsetDateTime received = toOffsetDateTime(row[2]);
            OffsetDateTime previous = lastReceived.put(e.aggregateId(), received);
            OutboxEvent before = lastEvent.put(e.aggregateId(), e);
            if (previous != null && received.isBefore(previous)) {
                violations++;
                if (samples.size() < 5) {
                    samples.add(String.format("%s: outbox #%d %s applied at %s, before the earlier outbox"
                                    + " #%d %s (applied at %s)", e.aggregateId(), e.id(), simpleName(e.type()), received,
                            before.id(), simpleName(before.type()), previous));
                }
            }
        }
        return violations;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }

    /**
     * The read models must hold each aggregate once, in the state of its last event (the backlog's own row), and
     * side effects that must happen once per event must have happened once: prep items per opened decision.
     */
    private void readModelChecks(FaultRunReport report, Map<String, Object[]> items, Set<String> prepItems,
                                 Set<String> decisions) {
        List<String> ids = new ArrayList<>(items.keySet());
        if (consumersToCheck.contains("sprint-service")) {
            Map<String, Object[]> copies = databases.get("sprint").rows("""
                            select item_id::text, title, rank, status, estimate from backlog_item_copy
                            where item_id = any(?)""", StackDatabase.array("uuid", ids)).stream()
                    .collect(Collectors.toMap(r -> (String) r[0], Function.identity()));
            report.readModel("sprint-service", "backlog_item_copy", items, copies,
                    (item, copy) -> same(item[1], copy[1]) && same(item[2], copy[2]) && same(item[3], copy[3])
                            && same(item[4], copy[4]),
                    databases.get("sprint").count("""
                            select count(*) - count(distinct item_id) from backlog_item_copy where item_id = any(?)""",
                            StackDatabase.array("uuid", ids)));
        }
        if (consumersToCheck.contains("governance-service")) {
            Map<String, Object[]> refs = databases.get("governance").rows("""
                            select item_id, title, status, estimate from item_ref where item_id = any(?)""",
                    StackDatabase.array("varchar", ids)).stream()
                    .collect(Collectors.toMap(r -> (String) r[0], Function.identity()));
            report.readModel("governance-service", "item_ref", items, refs,
                    (item, ref) -> same(item[1], ref[1]) && same(item[3], ref[2]) && same(item[4], ref[3]), 0);
            long decisionRefs = decisions.isEmpty() ? 0 : databases.get("governance").count(
                    "select count(*) from decision_ref where decision_id = any(?)",
                    StackDatabase.array("varchar", new ArrayList<>(decisions)));
            report.decisionRefsMissing = decisions.size() - decisionRefs;
        }
        if (consumersToCheck.contains("decision-service") && !prepItems.isEmpty()) {
            Map<String, Object[]> prep = databases.get("decision").rows("""
                            select item_id::text, title, backlog_status from prep_item where item_id = any(?)""",
                    StackDatabase.array("uuid", new ArrayList<>(prepItems))).stream()
                    .collect(Collectors.toMap(r -> (String) r[0], Function.identity()));
            Map<String, Object[]> prepInBacklog = new HashMap<>();
            prepItems.forEach(id -> prepInBacklog.put(id, items.get(id)));
            report.readModel("decision-service", "prep_item", prepInBacklog, prep,
                    (item, row) -> same(item[1], row[1]) && same(item[3], row[2]), 0);
        }
        if (consumersToCheck.contains("backlog-service") && !decisions.isEmpty()) {
            long playbookSize = databases.get("backlog").count("""
                    select count(*) from playbook_task t join playbook p on p.id = t.playbook_id
                    where p.key = 'decision-preparation'""");
            Map<String, Long> perDecision = items.values().stream().filter(r -> r[5] != null)
                    .collect(Collectors.groupingBy(r -> ((String) r[5]).substring("decision:".length()),
                            Collectors.counting()));
            for (String decision : decisions) {
                long n = perDecision.getOrDefault(decision, 0L);
                report.prepItemsMissing += Math.max(0, playbookSize - n);
                report.prepItemsDuplicated += Math.max(0, n - playbookSize);
            }
            report.prepItemsPerDecision = playbookSize;
        }
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
    }
}
