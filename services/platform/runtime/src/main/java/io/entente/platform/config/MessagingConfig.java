package io.entente.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** How a service talks to Kafka: the outbox relay and the idempotent consumer. */
@ConfigMapping(prefix = "entente.messaging")
public interface MessagingConfig {

    /** The CloudEvents source, e.g. {@code /entente/backlog-service}; defaults to the application name. */
    Optional<String> source();

    /** Partitions for topics this service creates; a consumer group scales out to this many instances. */
    @WithDefault("6")
    int topicPartitions();

    Relay relay();

    Consumer consumer();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** The safety net: commits wake the relay at once, this poll catches what a wake-up missed. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** Longest wait between retries while Kafka is unreachable. */
        @WithDefault("15s")
        Duration maxBackoff();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Defaults to the application name, so instances of one service share the partitions. */
        @WithName("group-id")
        Optional<String> groupId();

        /** Attempts before an event that keeps failing is parked in the inbox as FAILED. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("500")
        int maxPollRecords();

        /**
         * Most events applied in one transaction. A poll's events share transactions (one commit instead of one per
         * event); locks a handler takes are held until its batch commits, so this also bounds that.
         */
        @WithDefault("100")
        int batchSize();
    }
}
