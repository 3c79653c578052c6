package io.entente.sprint.service;

import io.entente.events.workload.ServiceCatalogueEvent.Entry;
import io.entente.events.workload.ServiceCatalogueEvent.ServiceCatalogueChanged;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.versioning.ETags;
import io.entente.sprint.api.ServiceCatalogueRequest;
import io.entente.sprint.api.ServiceCatalogueView;
import io.entente.sprint.domain.CatalogueDocument;
import io.entente.sprint.domain.ServiceCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** The service catalogue: the shipped defaults until an admin changes it; every change audited and published. */
@ApplicationScoped
@Transactional
public class ServiceCatalogueService {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final Clock clock;

    public ServiceCatalogueService(ChangeLog changes, CurrentUser user, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceCatalogue current() {
        CatalogueDocument stored = CatalogueDocument.findById(CatalogueDocument.ID);
        return stored == null ? ServiceCatalogue.defaults() : stored.catalogue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceCatalogueView view() {
        CatalogueDocument stored = CatalogueDocument.findById(CatalogueDocument.ID);
        return stored == null ? ServiceCatalogueView.of(ServiceCatalogue.defaults(), null, null)
                : ServiceCatalogueView.of(stored.catalogue(), stored.updatedAt, stored.updatedBy);
    }

    public ServiceCatalogueView replace(String ifMatch, ServiceCatalogueRequest request) {
        CatalogueDocument stored = CatalogueDocument.findById(CatalogueDocument.ID);
        ServiceCatalogue before = stored == null ? ServiceCatalogue.defaults() : stored.catalogue();
        ETags.requireMatch(ifMatch, before.version());
        List<ServiceCatalogue.Entry> entries = request.entries().stream()
                .map(e -> new ServiceCatalogue.Entry(e.service(), e.tier(), e.phase(), e.timesPerYear(),
                        Math.round(e.hoursEach() * 100) / 100.0, e.performedBy()))
                .toList();
        String problem = ServiceCatalogue.problemWith(entries);
        if (problem != null) {
            throw Problems.invalid("entries", problem);
        }
        if (stored == null) {
            stored = new CatalogueDocument();
            stored.id = CatalogueDocument.ID;
        }
        stored.replace(entries, user.id(), clock.instant());
        stored.persist();
        CatalogueDocument.getEntityManager().flush();
        ServiceCatalogueView view = ServiceCatalogueView.of(stored.catalogue(), stored.updatedAt, stored.updatedBy);
        changes.record(new ServiceCatalogueChanged(CatalogueDocument.ID, view.version(), entries.stream()
                        .map(e -> new Entry(e.service().name(), e.tier(), e.phase().name(), e.timesPerYear(),
                                BigDecimal.valueOf(e.hoursEach()), e.performedBy()))
                        .toList()),
                ServiceCatalogueView.of(before, null, null), view);
        return view;
    }
}
