package io.entente.platform.audit;

import io.entente.events.DomainEvent;
import io.entente.events.EventCatalog;
import io.entente.platform.messaging.EventCodec;
import io.entente.platform.messaging.Outbox;
import io.entente.platform.security.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records a state change in the caller's transaction: the audit row, and the event in the {@link Outbox} that the
 * relay publishes after commit. Never save-then-send: if the transaction rolls back, neither the change nor its
 * event exists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeLog {

    private static final int BATCH = 500;

    private final EntityManager em;
    private final EventCodec codec;
    private final Outbox outbox;
    private final String source;
    private final String systemActor;
    private final Clock clock;

    public ChangeLog(EntityManager em, EventCodec codec, Outbox outbox, Clock clock,
                     @ConfigProperty(name = "quarkus.application.name") String application,
                     @ConfigProperty(name = "entente.messaging.source") java.util.Optional<String> source) {
        this.em = em;
        this.codec = codec;
        this.outbox = outbox;
        this.clock = clock;
        this.source = source.orElse("/entente/" + application);
        this.systemActor = "system:" + application;
    }

    /**
     * Audits the change and queues its event.
     *
     * @param before the aggregate's state before the change (a response record), null when it is created
     * @param after  its state after the change, null when it is removed
     * @return the event id
     */
    public UUID record(DomainEvent event, Object before, Object after) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        audit(eventId, EventCatalog.typeOf(event.getClass()), EventCatalog.aggregateOf(event.getClass()),
                event.aggregateId(), event.allianceId(), before, after, now);
        outbox.append(eventId, event, now);
        return eventId;
    }

    /** One change of a bulk {@link #recordAll}: its event, and the aggregate's state before and after. */
    public record Change(DomainEvent event, Object before, Object after) {
    }

    /**
     * Audits and queues many changes of one transaction in JDBC batches (same rows as {@link #record} each), for bulk
     * changes such as an import where a statement per row would dominate the time.
     *
     * @return the event ids, in the order of {@code changes}
     */
    public List<UUID> recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String actor = actor();
        List<UUID> ids = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            ids.add(UUID.randomUUID());
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_log (occurred_at, actor, action, aggregate_type, aggregate_id, alliance_id,
                                           event_id, before_state, after_state)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")) {
                for (int i = 0; i < changes.size(); i++) {
                    Change change = changes.get(i);
                    Class<? extends DomainEvent> type = change.event().getClass();
                    insert.setObject(1, now);
                    insert.setString(2, actor);
                    insert.setString(3, EventCatalog.typeOf(type));
                    insert.setString(4, EventCatalog.aggregateOf(type));
                    insert.setString(5, change.event().aggregateId());
                    insert.setString(6, change.event().allianceId());
                    insert.setObject(7, ids.get(i));
                    insert.setString(8, change.before() == null ? null : codec.toJson(change.before()));
                    insert.setString(9, change.after() == null ? null : codec.toJson(change.after()));
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        outbox.appendAll(ids, changes.stream().map(Change::event).toList(), now);
        return ids;
    }

    /** Audits a change that publishes no event (e.g. a preference); prefer {@link #record} for domain changes. */
    public void auditOnly(String action, String aggregateType, String aggregateId, String allianceId, Object before,
                          Object after) {
        audit(null, action, aggregateType, aggregateId, allianceId, before, after,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The CloudEvents source of this service's events. */
    public String source() {
        return source;
    }

    private void audit(UUID eventId, String action, String aggregate, String aggregateId, String allianceId,
                       Object before, Object after, OffsetDateTime at) {
        em.createNativeQuery("""
                        insert into audit_log (occurred_at, actor, action, aggregate_type, aggregate_id, alliance_id,
                                               event_id, before_state, after_state)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb))""")
                .setParameter(1, at)
                .setParameter(2, actor())
                .setParameter(3, action)
                .setParameter(4, aggregate)
                .setParameter(5, aggregateId)
                .setParameter(6, allianceId)
                .setParameter(7, eventId)
                .setParameter(8, before == null ? null : codec.toJson(before))
                .setParameter(9, after == null ? null : codec.toJson(after))
                .executeUpdate();
    }

    private String actor() {
        ManagedContext requests = Arc.container().requestContext();
        if (requests.isActive()) {
            CurrentUser user = Arc.container().instance(CurrentUser.class).get();
            if (user.isAuthenticated()) {
                return user.id();
            }
        }
        return systemActor;
    }
}
