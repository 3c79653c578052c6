package io.entente.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the event consumer did, per consumer group and event type: applied, absorbed as a redelivery, parked; and its
 * lag per topic. Callers count only what has committed.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void applied(String consumer, String type) {
        registry.counter(MetricNames.EVENTS_APPLIED, MetricNames.CONSUMER, consumer, MetricNames.TYPE, type).increment();
    }

    public void duplicate(String consumer, String type) {
        registry.counter(MetricNames.EVENTS_DUPLICATES, MetricNames.CONSUMER, consumer, MetricNames.TYPE, type)
                .increment();
    }

    public void parked(String consumer, String type) {
        registry.counter(MetricNames.EVENTS_PARKED, MetricNames.CONSUMER, consumer, MetricNames.TYPE, type).increment();
    }

    /**
     * Records left to read per topic, from what the consumer already knows of the log end (no broker round trip):
     * call it after each poll, on the consumer's thread. Partitions this instance does not hold count 0 here; another
     * replica reports them.
     */
    public void lag(String consumer, Consumer<?, ?> kafka) {
        Map<String, Long> perTopic = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong behind = kafka.currentLag(partition);
            perTopic.merge(partition.topic(), behind.orElse(0), Long::sum);
        }
        lag.forEach((key, value) -> {
            if (key.startsWith(consumer + "|") && !perTopic.containsKey(key.substring(consumer.length() + 1))) {
                value.set(0);
            }
        });
        perTopic.forEach((topic, records) -> gauge(consumer, topic).set(records));
    }

    private AtomicLong gauge(String consumer, String topic) {
        return lag.computeIfAbsent(consumer + "|" + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(MetricNames.CONSUMER_LAG, value, AtomicLong::get)
                    .description("Records on the topic this consumer has yet to read")
                    .tags(Tags.of(MetricNames.CONSUMER, consumer, MetricNames.TOPIC, topic))
                    .register(registry);
            return value;
        });
    }
}
