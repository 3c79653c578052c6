package io.entente.platform.messaging;

import io.entente.platform.config.KafkaSettings;
import io.entente.platform.config.MessagingConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates topics with the partition count we scale by, instead of relying on broker auto-creation (one partition,
 * and a consumer that subscribed before the topic existed would not see it for minutes).
 */
@ApplicationScoped
public class TopicProvisioner {

    private final KafkaSettings kafka;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile Admin admin;

    public TopicProvisioner(KafkaSettings kafka, MessagingConfig config,
                            @ConfigProperty(name = "entente.messaging.replication-factor", defaultValue = "1")
                            short replicationFactor) {
        this.kafka = kafka;
        this.partitions = config.topicPartitions();
        this.replicationFactor = replicationFactor;
    }

    public void ensure(Collection<String> topics) {
        List<String> missing = topics.stream().filter(t -> !known.contains(t)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> requests = missing.stream().map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
        admin().createTopics(requests).values().forEach((topic, future) -> {
            try {
                future.get(15, TimeUnit.SECONDS);
                known.add(topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    known.add(topic);
                } else {
                    throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e);
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("cannot create topic " + topic + ": " + e, e);
            }
        });
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.base());
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
