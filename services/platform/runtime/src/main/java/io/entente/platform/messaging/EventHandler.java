package io.entente.platform.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;

import java.util.Set;

/**
 * A CDI bean that applies events from other services to this service's read models. The consumer calls it inside
 * a transaction that also records the event id in the inbox, so each event takes effect once; it runs with no user,
 * and the audit records the service as actor.
 */
public interface EventHandler {

    /** The event classes this handler applies; the consumer subscribes to their topics. */
    Set<Class<? extends DomainEvent>> handles();

    void handle(DomainEvent event, EventEnvelope envelope);
}
