package io.entente.platform.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test app's read model: one probe_effect row per event it applies. A title starting with "poison" fails every
 * time, as a handler bug would. Remembers when the transaction that applied each event committed, for the latency
 * measurement.
 */
@ApplicationScoped
public class ProbeHandler implements EventHandler {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<UUID, Instant> committedAt = new ConcurrentHashMap<>();

    public ProbeHandler(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(BacklogItemCreated.class, BacklogItemUpdated.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        String title = event instanceof BacklogItemCreated c ? c.title() : ((BacklogItemUpdated) event).title();
        if (title.startsWith("poison")) {
            throw new IllegalStateException("cannot apply " + title);
        }
        em.createNativeQuery("insert into probe_effect (event_id, aggregate_id, title) values (?1, ?2, ?3)")
                .setParameter(1, envelope.id())
                .setParameter(2, event.aggregateId())
                .setParameter(3, title)
                .executeUpdate();
        UUID id = envelope.id();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committedAt.put(id, Instant.now());
                }
            }
        });
    }

    /** When the effect of the event became visible, or null. */
    Instant committedAt(UUID eventId) {
        return committedAt.get(eventId);
    }
}
