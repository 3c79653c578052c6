package io.entente.e2e.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** The stack's consumer groups as the broker sees them: lag and who holds which partition. */
public final class KafkaGroups implements AutoCloseable {

    public static final String BOOTSTRAP = "127.0.0.1:9092";

    /** One member of a group and the partitions it holds. */
    public record Member(String memberId, Set<String> partitions) {
    }

    private final Admin admin;

    public KafkaGroups() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "entente-e2e-fault-run");
        admin = Admin.create(config);
    }

    /**
     * Records not yet committed by {@code group}, over every partition of the topics it consumes (a partition it
     * never committed counts from offset 0).
     */
    public long lag(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Set<String> topics = new HashSet<>();
        committed.keySet().forEach(p -> topics.add(p.topic()));
        members(group).forEach(m -> m.partitions().forEach(p -> topics.add(p.substring(0, p.lastIndexOf('-')))));
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(topics).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Sum of the end offsets of a topic's partitions: the records ever written to it. */
    public long records(String topic) {
        return endOffsets(Set.of(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    public List<Member> members(String group) {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups()
                .get(group));
        return description.members().stream().map(KafkaGroups::member).toList();
    }

    private static Member member(MemberDescription m) {
        Set<String> partitions = new TreeSet<>();
        m.assignment().topicPartitions().forEach(p -> partitions.add(p.toString()));
        return new Member(m.consumerId(), partitions);
    }

    private Map<TopicPartition, Long> endOffsets(Set<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(t -> t.partitions().forEach(p -> latest.put(new TopicPartition(t.name(),
                p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
