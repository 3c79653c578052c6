package io.entente.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;

/** The one place that knows how to reach the broker; producer, consumer and admin client start from it. */
@ApplicationScoped
public class KafkaSettings {

    private final String bootstrapServers;

    public KafkaSettings(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
                         String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Map<String, Object> base() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        // Fail fast while the broker is down; the outbox keeps what was not sent.
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 15_000);
        config.put("reconnect.backoff.max.ms", 2_000);
        return config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
