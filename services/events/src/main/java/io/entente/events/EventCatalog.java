package io.entente.events;

import io.entente.events.backlog.AllianceEvent;
import io.entente.events.backlog.BacklogItemEvent;
import io.entente.events.backlog.ObligationEvent;
import io.entente.events.backlog.RiskEvent;
import io.entente.events.decision.DecisionEvent;
import io.entente.events.governance.MeetingEvent;
import io.entente.events.sprint.SprintEvent;
import io.entente.events.workload.AllianceManagerEvent;
import io.entente.events.workload.ServiceCatalogueEvent;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every event type Entente publishes, derived from the sealed event families so that adding a record to a family's
 * {@code permits} list is all it takes to publish and consume it.
 */
public final class EventCatalog {

    private static final String TYPE_PREFIX = "io.entente.";

    private static final List<Class<? extends DomainEvent>> FAMILIES = List.of(
            AllianceEvent.class, BacklogItemEvent.class, RiskEvent.class, ObligationEvent.class,
            SprintEvent.class, DecisionEvent.class, MeetingEvent.class, ServiceCatalogueEvent.class,
            AllianceManagerEvent.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = FAMILIES.stream()
            .flatMap(EventCatalog::members)
            .collect(Collectors.toMap(EventCatalog::typeOf, c -> c, (a, b) -> a, LinkedHashMap::new));

    private EventCatalog() {
    }

    /** The CloudEvents type of an event class, e.g. {@code io.entente.BacklogItemCreated}. */
    public static String typeOf(Class<? extends DomainEvent> eventClass) {
        return TYPE_PREFIX + eventClass.getSimpleName();
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The topic an event class is published on: {@code <aggregate>.events}. */
    public static String topicOf(Class<? extends DomainEvent> eventClass) {
        return aggregateOf(eventClass) + ".events";
    }

    public static String aggregateOf(Class<? extends DomainEvent> eventClass) {
        for (Class<?> family : FAMILIES) {
            if (family.isAssignableFrom(eventClass)) {
                return family.getAnnotation(Aggregate.class).value();
            }
        }
        throw new IllegalArgumentException(eventClass.getName() + " belongs to no event family in the catalog");
    }

    public static Map<String, Class<? extends DomainEvent>> all() {
        return Collections.unmodifiableMap(BY_TYPE);
    }

    @SuppressWarnings("unchecked")
    private static Stream<Class<? extends DomainEvent>> members(Class<? extends DomainEvent> family) {
        Class<?>[] permitted = family.getPermittedSubclasses();
        if (permitted == null) {
            throw new IllegalStateException(family.getName() + " must be a sealed interface");
        }
        return Arrays.stream(permitted).map(c -> (Class<? extends DomainEvent>) c);
    }
}
