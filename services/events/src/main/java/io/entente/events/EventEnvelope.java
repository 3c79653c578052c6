package io.entente.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The envelope every event travels in: the CloudEvents context attributes plus the alliance the event belongs to.
 *
 * @param id         unique per event; consumers de-duplicate on it
 * @param source     the publishing service, e.g. {@code /entente/backlog-service}
 * @param type       {@link EventCatalog#typeOf(Class)} of the payload
 * @param subject    the aggregate id
 * @param time       when the change was committed
 * @param allianceId the alliance key, carried as the CloudEvents extension {@code allianceid}
 * @param data       the event record as JSON
 */
public record EventEnvelope(UUID id, String source, String type, String subject, OffsetDateTime time,
                            String allianceId, byte[] data) {

    /** The CloudEvents extension attribute that carries the alliance key (CloudEvents names are lower-case). */
    public static final String ALLIANCE_EXTENSION = "allianceid";
}
