package io.entente.backlog.service;

import io.entente.backlog.api.NewItem;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.AlliancePhase;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.ServiceLevelDocument;
import io.entente.backlog.domain.ServiceLevels;
import io.entente.events.workload.ServiceCatalogueEvent.ServiceCatalogueChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the health checks and risk reviews each alliance's tier and phase call for, one item per alliance,
 * service and period. Cluster-safe: a run holds a PostgreSQL advisory lock for its transaction, and a node that
 * cannot take it skips the run (the other node is doing it); the unique index on the generated items' source
 * reference is the backstop. The items carry no estimate: the workload already counts the service from the catalogue.
 */
@ApplicationScoped
@Transactional
public class ServiceLevelGeneration {

    static final long LOCK = 0x5E5_1E7E1L;

    public record Result(boolean ran, int created) {
    }

    private final EntityManager em;
    private final ItemWriter writer;
    private final Clock clock;

    public ServiceLevelGeneration(EntityManager em, ItemWriter writer, Clock clock) {
        this.em = em;
        this.writer = writer;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceLevels current() {
        ServiceLevelDocument stored = ServiceLevelDocument.findById(ServiceLevelDocument.ID);
        return stored == null ? ServiceLevels.defaults() : stored.serviceLevels();
    }

    /** The catalogue changed: keep the levels of the services the backlog generates. */
    public void catalogueChanged(ServiceCatalogueChanged changed) {
        List<ServiceLevels.Level> levels = changed.entries().stream()
                .filter(e -> ServiceLevels.GENERATED.contains(e.service()))
                .map(e -> new ServiceLevels.Level(e.service(), e.tier(), e.phase(), e.timesPerYear()))
                .toList();
        ServiceLevelDocument stored = ServiceLevelDocument.findById(ServiceLevelDocument.ID);
        if (stored == null) {
            stored = new ServiceLevelDocument();
            stored.id = ServiceLevelDocument.ID;
        }
        if (stored.take(changed.version(), levels, clock.instant())) {
            stored.persist();
        }
    }

    /** Every running alliance's items of the current period. */
    public Result generate() {
        return generate(Alliance.list("phase <> ?1", AlliancePhase.CLOSED));
    }

    /** The items of the current period for some alliances only, e.g. right after one was re-tiered. */
    public Result generate(Set<String> allianceKeys) {
        return generate(Alliance.<Alliance>list("phase <> ?1 and key in ?2", AlliancePhase.CLOSED, allianceKeys));
    }

    private Result generate(List<Alliance> alliances) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK).getSingleResult();
        if (!locked) {
            return new Result(false, 0);
        }
        LocalDate today = LocalDate.now(clock);
        ServiceLevels levels = current();
        List<NewItem> wanted = new ArrayList<>();
        for (Alliance alliance : alliances) {
            for (String service : ServiceLevels.GENERATED) {
                ServiceLevels.Period period = ServiceLevels.period(alliance.key, service,
                        levels.timesPerYear(service, alliance.tier, alliance.phase), today);
                if (period != null) {
                    wanted.add(item(alliance, service, period));
                }
            }
        }
        if (wanted.isEmpty()) {
            return new Result(true, 0);
        }
        @SuppressWarnings("unchecked")
        Set<String> existing = new HashSet<>(em.createNativeQuery(
                        "select source_ref from backlog_item where source_ref in (?1)")
                .setParameter(1, wanted.stream().map(NewItem::sourceRef).toList()).getResultList());
        List<NewItem> missing = wanted.stream().filter(i -> !existing.contains(i.sourceRef())).toList();
        if (!missing.isEmpty()) {
            writer.createAllAndRecord(missing);
        }
        return new Result(true, missing.size());
    }

    private static NewItem item(Alliance alliance, String service, ServiceLevels.Period period) {
        boolean health = service.equals(ServiceLevels.HEALTH_CHECK);
        String title = (health ? "Health check" : "Risk review") + " of " + alliance.name + " (tier " + alliance.tier
                + ", due " + period.due() + ")";
        String description = health
                ? "Both sides score trust, communication, decision speed and value (1-5); act on the gap."
                : "Review the risk register: scores, owners, mitigations and review dates.";
        return NewItem.of(alliance.key, title, description,
                health ? Discipline.ALLIANCE_HEALTH : Discipline.PROJECT_MANAGEMENT,
                health ? ItemType.TASK : ItemType.RISK_FOLLOW_UP, null,
                health ? null : alliance.allianceManager, period.due(), period.sourceRef());
    }
}
