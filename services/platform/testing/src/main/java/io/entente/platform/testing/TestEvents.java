package io.entente.platform.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.entente.events.DomainEvent;
import io.entente.events.EventCatalog;
import io.entente.events.EventEnvelope;
import io.entente.platform.messaging.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Plays another service's part in a test: publishes its events to the real broker exactly as that service's outbox
 * relay would (same codec, topic and key), so the service under test consumes them through its real consumer.
 */
public final class TestEvents implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, CloudEvent> producer;
    private final String source;

    public TestEvents(String bootstrapServers, String source) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new CloudEventSerializer());
        this.source = source;
    }

    /** Publishes with a fresh event id; returns it. */
    public UUID publish(DomainEvent event) {
        return publish(UUID.randomUUID(), event);
    }

    /** Publishes with the given event id: call twice with one id to prove a redelivery changes nothing. */
    public UUID publish(UUID eventId, DomainEvent event) {
        return publish(eventId, event, Map.of());
    }

    /** Publishes with extra record headers beside the CloudEvents ones, e.g. a W3C {@code traceparent}. */
    public UUID publish(UUID eventId, DomainEvent event, Map<String, String> headers) {
        Class<? extends DomainEvent> type = event.getClass();
        EventEnvelope envelope = new EventEnvelope(eventId, source, EventCatalog.typeOf(type), event.aggregateId(),
                OffsetDateTime.now(ZoneOffset.UTC), event.allianceId(),
                codec.toJson(event).getBytes(StandardCharsets.UTF_8));
        try {
            RecordHeaders extra = new RecordHeaders();
            headers.forEach((name, value) -> extra.add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(EventCatalog.topicOf(type), null, event.aggregateId(),
                    codec.toCloudEvent(envelope), extra)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type(), e);
        }
        return eventId;
    }

    /**
     * Publishes an event of {@code type} whose payload no consumer can decode: it fails every attempt and ends up
     * parked, which is what a test of the parking (and of its metric) needs.
     */
    public UUID publishUndecodable(Class<? extends DomainEvent> type, String aggregateId, String allianceId) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(eventId, source, EventCatalog.typeOf(type), aggregateId,
                OffsetDateTime.now(ZoneOffset.UTC), allianceId, "not json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(EventCatalog.topicOf(type), aggregateId,
                    codec.toCloudEvent(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type(), e);
        }
        return eventId;
    }

    @Override
    public void close() {
        producer.close();
    }
}
