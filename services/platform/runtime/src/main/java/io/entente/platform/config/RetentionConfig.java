package io.entente.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long published outbox rows and applied inbox rows are kept. The inbox is what makes a redelivered event change
 * nothing, so the window must stay longer than any event can be redelivered (the topics' retention, a consumer group
 * reset to the earliest offset); parked events are kept until someone handles them, whatever their age.
 */
@ConfigMapping(prefix = "entente.retention")
public interface RetentionConfig {

    @WithDefault("true")
    boolean enabled();

    /** Rows older than this are deleted. */
    @WithDefault("7d")
    Duration window();

    /** How often the cleanup runs (read by the job's @Scheduled as well). */
    @WithDefault("10m")
    String every();

    /** Rows deleted per transaction: small enough that a batch takes milliseconds and no writer waits on it. */
    @WithDefault("5000")
    int batchSize();
}
