package io.entente.sprint.service;

import io.entente.events.workload.AllianceManagerEvent.ManagerCapacityChanged;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.paging.Cursor;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Page;
import io.entente.platform.problem.Problems;
import io.entente.platform.versioning.ETags;
import io.entente.sprint.api.AllianceManagerView;
import io.entente.sprint.api.ManagerCapacityRequest;
import io.entente.sprint.domain.AllianceManager;
import io.entente.sprint.domain.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Alliance managers: the users the alliance events name as manager, and those whose capacity was set. A manager
 * without a capacity of their own has the default.
 */
@ApplicationScoped
@Transactional
public class AllianceManagers {

    private static final String SORT = "id";
    // The ETag of a defaulted manager is 0, of a stored one its version + 1, so that the first change moves it too.
    // Managers named by an alliance (not closed) or with a capacity row, with their alliance count.
    private static final String MANAGERS = """
            select m.id, coalesce(c.hours_per_month, :default), c.user_id is null, coalesce(a.n, 0),
                   case when c.user_id is null then 0 else c.version + 1 end
            from (select alliance_manager as id from alliance_copy
                  where alliance_manager is not null and coalesce(phase, '') <> 'CLOSED'
                  union select user_id from alliance_manager) m
            left join alliance_manager c on c.user_id = m.id
            left join (select alliance_manager, count(*) as n from alliance_copy
                       where coalesce(phase, '') <> 'CLOSED' group by alliance_manager) a on a.alliance_manager = m.id
            where m.id > :after
            order by m.id
            limit :limit""";

    private final ChangeLog changes;
    private final Clock clock;
    private final EntityManager em;

    public AllianceManagers(ChangeLog changes, Clock clock, EntityManager em) {
        this.changes = changes;
        this.clock = clock;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AllianceManagerView> list(String after, int limit) {
        String from = after == null ? "" : Cursor.decode(after, SORT, 1).get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(MANAGERS)
                .setParameter("default", Workload.DEFAULT_MANAGER_HOURS)
                .setParameter("after", from).setParameter("limit", limit + 1).getResultList();
        List<AllianceManagerView> views = rows.stream().map(AllianceManagers::view).toList();
        return Keyset.pageOf(views, limit, v -> Cursor.encode(SORT, List.of(v.id())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AllianceManagerView get(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(MANAGERS.replace("m.id > :after", "m.id = :after"))
                .setParameter("default", Workload.DEFAULT_MANAGER_HOURS)
                .setParameter("after", id).setParameter("limit", 1).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("alliance manager", id);
        }
        return view(rows.get(0));
    }

    public AllianceManagerView setCapacity(String id, String ifMatch, ManagerCapacityRequest request) {
        AllianceManagerView before = get(id);
        ETags.requireMatch(ifMatch, before.version());
        AllianceManager manager = AllianceManager.findById(id);
        if (manager == null) {
            manager = new AllianceManager();
            manager.userId = id;
            manager.setCapacity(request.hoursPerMonth(), clock.instant());
            manager.persist();
        } else {
            manager.setCapacity(request.hoursPerMonth(), clock.instant());
        }
        em.flush();
        AllianceManagerView after = new AllianceManagerView(id, manager.hoursPerMonth, false, before.alliances(),
                manager.version + 1);
        changes.record(new ManagerCapacityChanged(id, manager.hoursPerMonth), before, after);
        return after;
    }

    private static AllianceManagerView view(Object[] row) {
        return new AllianceManagerView((String) row[0], ((Number) row[1]).intValue(), (Boolean) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).longValue());
    }
}
