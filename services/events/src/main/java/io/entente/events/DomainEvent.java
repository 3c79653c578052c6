package io.entente.events;

/**
 * A fact that happened to one aggregate, named in the past tense.
 *
 * <p>Every event names the alliance it belongs to, so that consumers can keep one alliance's data apart from
 * another's and the envelope can carry it as the CloudEvents extension {@code allianceid}.
 */
public interface DomainEvent {

    /** The aggregate's id: the Kafka record key and the CloudEvents subject. */
    String aggregateId();

    /** The alliance key (e.g. {@code ONC-HELIX}) the aggregate belongs to. */
    String allianceId();
}
