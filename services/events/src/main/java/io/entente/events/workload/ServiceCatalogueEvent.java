package io.entente.events.workload;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

import java.math.BigDecimal;
import java.util.List;

/**
 * The alliance-management service catalogue: which services an alliance receives per tier and lifecycle phase, how
 * often, and the effort each takes. There is one catalogue (aggregate id {@code default}); it spans alliances, so
 * its events carry no alliance id. Services that derive a service level from the tier (meeting cadence, packet
 * depth, generated health checks) keep the latest entries.
 */
@Aggregate("service-catalogue")
public sealed interface ServiceCatalogueEvent extends DomainEvent permits ServiceCatalogueEvent.ServiceCatalogueChanged {

    String catalogueId();

    @Override
    default String aggregateId() {
        return catalogueId();
    }

    @Override
    default String allianceId() {
        return null;
    }

    /** The whole catalogue after the change, so that a consumer needs no earlier event. */
    record ServiceCatalogueChanged(String catalogueId, long version, List<Entry> entries)
            implements ServiceCatalogueEvent {
    }

    /**
     * @param service     e.g. {@code HEALTH_CHECK}; names travel as text so that a new one never breaks a consumer
     * @param phase       the alliance's lifecycle phase, e.g. {@code EXECUTION}
     * @param timesPerYear how often the service is delivered
     * @param hoursEach   the effort of one delivery at complexity 3
     * @param performedBy {@code MANAGER} or the team discipline that performs it, e.g. {@code ALLIANCE_HEALTH}
     */
    record Entry(String service, int tier, String phase, int timesPerYear, BigDecimal hoursEach,
                 String performedBy) {
    }
}
