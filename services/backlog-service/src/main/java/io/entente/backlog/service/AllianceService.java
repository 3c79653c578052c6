package io.entente.backlog.service;

import io.entente.backlog.api.AllianceQuery;
import io.entente.backlog.api.AllianceRequest;
import io.entente.backlog.api.AllianceUpdateRequest;
import io.entente.backlog.api.AllianceView;
import io.entente.backlog.api.PhaseChangeRequest;
import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.AlliancePhase;
import io.entente.events.backlog.AllianceEvent.AlliancePhaseChanged;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
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
import io.entente.platform.problem.ProblemException;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

@ApplicationScoped
@Transactional
public class AllianceService {

    /** Derived, not changed by anyone: the phases a lifecycle offers next follow from the phase. */
    private static final Set<String> DERIVED = Set.of("nextPhases");


    private static final Set<String> INTERNAL_SORTS = Set.of("tier", "valueScore");
    static final List<SortKey<Alliance>> SORTS = List.of(
            SortKey.unique("key", "e.key", v -> v, a -> a.key),
            SortKey.of("name", "e.name", v -> v, a -> a.name),
            SortKey.of("tier", "e.tier", Integer::valueOf, a -> a.tier),
            SortKey.of("valueScore", "e.valueScore", Integer::valueOf, a -> a.valueScore));

    private static final Keyset<Alliance> KEYSET = Keyset.of(Alliance.class, "key", a -> a.key, v -> v);

    private final ChangeLog changes;
    private final CurrentUser user;
    private final EntityManager em;
    private final Clock clock;
    private final BacklogConfig config;
    private final ChangeHistory history;

    public AllianceService(ChangeLog changes, CurrentUser user, EntityManager em, Clock clock, BacklogConfig config,
                           ChangeHistory history) {
        this.changes = changes;
        this.user = user;
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.history = history;
    }

    public AllianceView register(AllianceRequest request) {
        // Membership comes from the identity provider: a manager registers an alliance once they are in its group.
        if (!user.canSee(request.key())) {
            throw new ProblemException(403, "not-a-member", "Forbidden", "you are not a member of alliance " + request.key()
                    + "; ask an administrator to add you to group alliance:" + request.key() + " first");
        }
        if (Alliance.findById(request.key()) != null) {
            throw Problems.conflict("alliance " + request.key() + " is already registered");
        }
        Alliance a = new Alliance();
        a.key = request.key();
        a.name = request.name();
        a.partner = request.partner();
        a.type = request.type();
        a.tier = request.tier();
        a.phase = request.phase();
        a.valueScore = request.valueScore();
        a.complexityScore = request.complexityScore();
        a.allianceManager = request.allianceManager();
        a.startDate = request.startDate();
        a.riskThreshold = request.riskThreshold() != null ? request.riskThreshold() : config.defaultRiskThreshold();
        a.createdAt = now();
        a.updatedAt = a.createdAt;
        a.persist();
        AllianceView view = AllianceView.of(a);
        changes.record(new AllianceRegistered(a.key, a.name, a.partner, a.type.name(), a.tier, a.phase.name(),
                a.valueScore, a.complexityScore, a.allianceManager, a.startDate), null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AllianceView get(String key) {
        return AllianceView.of(visible(key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AllianceView> list(AllianceQuery query, String sort, String after, Integer limit) {
        int size = Limit.of(limit);
        if (user.isPartner()) {
            // Our rating of an alliance is internal: filtering or ordering by it would tell it to a partner.
            if (query.tiers() != null && !query.tiers().isEmpty()) {
                throw Problems.invalid("tier", "the tier is internal; partners cannot filter by it");
            }
            if (sort != null && INTERNAL_SORTS.contains(sort.replaceFirst("^-", ""))) {
                throw Problems.invalid("sort", "'" + sort + "' orders by an internal rating; partners sort by key "
                        + "or name");
            }
        }
        SortKey<Alliance> order = SortKey.choose(sort, SORTS);
        Where where = AllianceScope.of(user, List.of()).restrict(Where.all(), "e.key")
                .and("e.phase in :phases", "phases", query.phases())
                .and("e.type in :types", "types", query.types())
                .and("e.tier in :tiers", "tiers", query.tiers())
                .and("e.allianceManager = :manager", "manager", query.allianceManager());
        return KEYSET.page(em, where, order, after, size).map(AllianceView::of);
    }

    public AllianceView update(String key, AllianceUpdateRequest request, String ifMatch) {
        Alliance a = visible(key);
        ETags.requireMatch(ifMatch, a.version);
        AllianceView before = AllianceView.of(a);
        a.name = request.name();
        a.partner = request.partner();
        a.type = request.type();
        a.tier = request.tier();
        a.valueScore = request.valueScore();
        a.complexityScore = request.complexityScore();
        a.allianceManager = request.allianceManager();
        a.startDate = request.startDate();
        a.riskThreshold = request.riskThreshold();
        a.updatedAt = now();
        em.flush();
        AllianceView after = AllianceView.of(a);
        changes.record(new AllianceUpdated(a.key, a.name, a.partner, a.type.name(), a.tier, a.valueScore,
                a.complexityScore, a.allianceManager), before, after);
        return after;
    }

    public AllianceView changePhase(String key, PhaseChangeRequest request, String ifMatch) {
        Alliance a = visible(key);
        ETags.requireMatch(ifMatch, a.version);
        if (!a.phase.canMoveTo(request.phase())) {
            throw Problems.rule("phase-transition", "alliance " + key + " cannot move from " + a.phase + " to "
                    + request.phase() + "; from " + a.phase + " it can move to " + a.phase.next());
        }
        AllianceView before = AllianceView.of(a);
        AlliancePhase from = a.phase;
        a.moveTo(request.phase(), now());
        em.flush();
        AllianceView after = AllianceView.of(a);
        changes.record(new AlliancePhaseChanged(a.key, from.name(), a.phase.name(), request.reason()), before, after);
        return after;
    }

    /** The alliance's changes, newest first; {@code field} narrows them to one field's (e.g. phase). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeView> history(String key, String field, String after, Integer limit) {
        Alliance a = visible(key);
        return history.of("alliance", a.key, field, DERIVED, after, limit);
    }

    /** The alliance, or 404 when it does not exist or the caller is not a member. */
    public Alliance visible(String key) {
        Alliance a = key == null ? null : Alliance.findById(key);
        if (a == null || !user.canSee(a.key)) {
            throw Problems.notFound("alliance", key);
        }
        return a;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
