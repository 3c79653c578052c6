package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.api.NewItem;
import io.entente.backlog.api.ObligationQuery;
import io.entente.backlog.api.ObligationRequest;
import io.entente.backlog.api.ObligationView;
import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.Obligation;
import io.entente.backlog.domain.ObligationStatus;
import io.entente.backlog.domain.Recurrence;
import io.entente.events.backlog.ObligationEvent.ObligationDue;
import io.entente.events.backlog.ObligationEvent.ObligationMet;
import io.entente.events.backlog.ObligationEvent.ObligationMissed;
import io.entente.events.backlog.ObligationEvent.ObligationRegistered;
import io.entente.platform.audit.ChangeHistory;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ObligationService {

    static final List<SortKey<Obligation>> SORTS = List.of(
            SortKey.of("dueDate", "e.dueDate", LocalDate::parse, o -> o.dueDate),
            SortKey.of("createdAt", "e.createdAt", Instant::parse, o -> o.createdAt));

    private static final Keyset<Obligation> KEYSET = Keyset.of(Obligation.class, "id", o -> o.id,
            UUID::fromString);

    /** What one sweep of an obligation did. */
    public record Sweep(boolean opened, boolean missed) {
    }

    private final ChangeLog changes;
    private final CurrentUser user;
    private final EntityManager em;
    private final ItemWriter writer;
    private final AllianceService alliances;
    private final Clock clock;
    private final BacklogConfig config;
    private final ChangeHistory history;

    public ObligationService(ChangeLog changes, CurrentUser user, EntityManager em, ItemWriter writer,
                             AllianceService alliances, Clock clock, BacklogConfig config, ChangeHistory history) {
        this.changes = changes;
        this.history = history;
        this.user = user;
        this.em = em;
        this.writer = writer;
        this.alliances = alliances;
        this.clock = clock;
        this.config = config;
    }

    /** Registers the obligation; if its window is already open, its backlog item is created at once. */
    public ObligationView register(ObligationRequest request) {
        Alliance alliance = alliances.visible(request.allianceId());
        Obligation o = new Obligation();
        o.id = UUID.randomUUID();
        o.allianceId = alliance.key;
        o.title = request.title();
        o.clauseRef = request.clauseRef();
        o.kind = request.kind();
        o.owedBy = request.owedBy();
        o.dueDate = request.dueDate();
        o.recurrence = request.recurrence() == null ? Recurrence.NONE : request.recurrence();
        o.leadTimeDays = request.leadTimeDays();
        o.status = ObligationStatus.UPCOMING;
        o.createdAt = writer.now();
        o.updatedAt = o.createdAt;
        o.persist();
        changes.record(new ObligationRegistered(o.id.toString(), o.allianceId, o.title, o.clauseRef, o.kind.name(),
                o.owedBy.name(), o.dueDate, o.leadTimeDays, o.recurrence.name()), null, ObligationView.of(o));
        advance(o, LocalDate.now(clock));
        em.flush();
        return ObligationView.of(o);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObligationView get(UUID id) {
        return ObligationView.of(visible(id));
    }

    /** The obligation's changes, newest first; its window follows from the due date and lead time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeView> history(UUID id, String field, String after, Integer limit) {
        Obligation o = visible(id);
        return history.of("obligation", o.id.toString(), field, Set.of("windowOpens"), after, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ObligationView> list(ObligationQuery query, String sort, String after, Integer limit) {
        return page(query, sort, after, Limit.of(limit));
    }

    /** Up to {@code max} obligations in the list's order; one more than {@code max} says it was cut. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObligationView> export(ObligationQuery query, String sort, int max) {
        return page(query, sort, null, max + 1).items();
    }

    public int exportMaxRows() {
        return config.exportMaxRows();
    }

    private Page<ObligationView> page(ObligationQuery query, String sort, String after, int size) {
        SortKey<Obligation> order = SortKey.choose(sort, SORTS);
        Where where = AllianceScope.of(user, query.allianceIds()).restrict(Where.all(), "e.allianceId")
                .and("e.status in :statuses", "statuses", query.statuses())
                .and("e.kind in :kinds", "kinds", query.kinds())
                .and("e.owedBy in :owedBy", "owedBy", query.owedBy())
                .and("e.dueDate <= :dueBefore", "dueBefore", query.dueBefore());
        return KEYSET.page(em, where, order, after, size).map(ObligationView::of);
    }

    /**
     * Records that the obligation was fulfilled. A recurring obligation then rolls to its next due date (and
     * opens that occurrence's window if it already has).
     */
    public ObligationView met(UUID id, LocalDate metOn, String ifMatch) {
        Obligation o = visible(id);
        ETags.requireMatch(ifMatch, o.version);
        if (o.status == ObligationStatus.MET) {
            throw Problems.rule("obligation-met", "obligation " + id + " is already met");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = metOn == null ? today : metOn;
        if (on.isAfter(today)) {
            throw Problems.invalid("metOn", "cannot be in the future");
        }
        ObligationView before = ObligationView.of(o);
        LocalDate metDue = o.dueDate;
        boolean rolled = o.meet(on, writer.now());
        em.flush();
        changes.record(new ObligationMet(o.id.toString(), o.allianceId, metDue, on), before, ObligationView.of(o));
        if (rolled) {
            advance(o, today);
            em.flush();
        }
        return ObligationView.of(o);
    }

    /** The obligations the job must look at today: a window to open or a due date passed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> needingAttention(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from obligation
                        where status in ('UPCOMING', 'DUE')
                          and (due_date < ?1 or (status = 'UPCOMING' and due_date - lead_time_days <= ?1))
                        order by due_date, id""", UUID.class)
                .setParameter(1, today).getResultList();
        return ids;
    }

    /** One obligation in its own transaction, so one bad row cannot hold back the others. */
    public Sweep sweep(UUID id, LocalDate today) {
        Obligation o = Obligation.findById(id);
        return o == null ? new Sweep(false, false) : advance(o, today);
    }

    private Sweep advance(Obligation o, LocalDate today) {
        boolean opened = false;
        boolean missed = false;
        if (o.windowOpenOn(today)) {
            ObligationView before = ObligationView.of(o);
            BacklogItemView item = writer.createAndRecord(NewItem.of(o.allianceId, itemTitle(o),
                    "Owed by " + o.owedBy.name().toLowerCase() + " under clause " + o.clauseRef + ", due "
                            + o.dueDate + (o.recurrence == Recurrence.NONE ? "" : " (" + o.recurrence.name()
                            .toLowerCase().replace('_', '-') + ")") + ".",
                    o.kind.discipline(), ItemType.OBLIGATION, null, null, o.dueDate, "obligation:" + o.id));
            o.openWindow(item.id(), writer.now());
            em.flush();
            changes.record(new ObligationDue(o.id.toString(), o.allianceId, o.title, o.clauseRef, o.kind.name(),
                    o.owedBy.name(), o.dueDate, o.leadTimeDays), before, ObligationView.of(o));
            opened = true;
        }
        if (o.missedBy(today)) {
            ObligationView before = ObligationView.of(o);
            o.miss(writer.now());
            em.flush();
            changes.record(new ObligationMissed(o.id.toString(), o.allianceId, o.title, o.dueDate), before,
                    ObligationView.of(o));
            missed = true;
        }
        return new Sweep(opened, missed);
    }

    private static String itemTitle(Obligation o) {
        String title = o.owedBy.itemVerb() + " " + o.title + " (" + o.clauseRef + ")";
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    private Obligation visible(UUID id) {
        Obligation o = Obligation.findById(id);
        if (o == null || !user.canSee(o.allianceId)) {
            throw Problems.notFound("obligation", id);
        }
        return o;
    }
}
