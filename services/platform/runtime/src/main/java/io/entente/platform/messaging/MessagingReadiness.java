package io.entente.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the event consumer and the outbox backlog. Kafka being down does not make a service unready: writes go
 * on into the outbox. A consumer thread that died does.
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private final EventConsumer consumer;
    private final OutboxRelay relay;

    public MessagingReadiness(EventConsumer consumer, OutboxRelay relay) {
        this.consumer = consumer;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        EventConsumer.Stats stats = consumer.stats();
        boolean consumerExpected = !consumer.topics().isEmpty();
        return HealthCheckResponse.named("messaging")
                .status(!consumerExpected || consumer.isRunning())
                .withData("consumerPolling", consumer.isPolling())
                .withData("eventsApplied", stats.applied())
                .withData("duplicatesAbsorbed", stats.duplicates())
                .withData("eventsParked", stats.parked())
                .withData("eventsPublished", relay.publishedCount())
                .build();
    }
}
