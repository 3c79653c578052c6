package io.entente.sprint.api;

import io.entente.sprint.domain.AlliancePhase;
import io.entente.sprint.domain.AllianceService;
import io.entente.sprint.domain.ServiceCatalogue;

import java.time.Instant;
import java.util.List;

/** The service catalogue; {@code version} is the ETag a change must name. */
public record ServiceCatalogueView(long version, List<EntryView> entries, Instant updatedAt, String updatedBy) {

    /** @param performedBy {@code MANAGER} or a team discipline, e.g. {@code ALLIANCE_HEALTH} */
    public record EntryView(AllianceService service, int tier, AlliancePhase phase, int timesPerYear,
                            double hoursEach, String performedBy, double hoursPerMonth) {
    }

    public static ServiceCatalogueView of(ServiceCatalogue catalogue, Instant updatedAt, String updatedBy) {
        return new ServiceCatalogueView(catalogue.version(), catalogue.entries().stream()
                .map(e -> new EntryView(e.service(), e.tier(), e.phase(), e.timesPerYear(), e.hoursEach(),
                        e.performedBy(), Math.round(e.hoursPerMonth() * 100) / 100.0))
                .toList(), updatedAt, updatedBy);
    }
}
