package io.entente.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.entente.events.DomainEvent;
import io.entente.events.EventCatalog;
import io.entente.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Turns event records into CloudEvents and back. Has its own mapper: the REST mapper refuses unknown fields, but an
 * event consumer must tolerate fields added by a newer publisher.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CloudEvent toCloudEvent(EventEnvelope envelope) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id().toString())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withSubject(envelope.subject())
                .withTime(envelope.time())
                .withDataContentType("application/json")
                .withData(envelope.data());
        if (envelope.allianceId() != null) {
            builder.withExtension(EventEnvelope.ALLIANCE_EXTENSION, envelope.allianceId());
        }
        return builder.build();
    }

    public EventEnvelope toEnvelope(CloudEvent event) {
        Object alliance = event.getExtension(EventEnvelope.ALLIANCE_EXTENSION);
        return new EventEnvelope(UUID.fromString(event.getId()), event.getSource().toString(), event.getType(),
                event.getSubject(),
                event.getTime() == null ? null : event.getTime().withOffsetSameInstant(ZoneOffset.UTC),
                alliance == null ? null : alliance.toString(),
                event.getData() == null ? new byte[0] : event.getData().toBytes());
    }

    /** Null when the type is not in this build's catalog (a newer publisher): the consumer skips it. */
    public DomainEvent decode(EventEnvelope envelope) {
        Class<? extends DomainEvent> type = EventCatalog.classOf(envelope.type()).orElse(null);
        if (type == null) {
            return null;
        }
        try {
            return mapper.readValue(envelope.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + envelope.type() + " " + envelope.id(), e);
        }
    }
}
