package io.entente.backlog.service;

import io.entente.backlog.api.RiskQuery;
import io.entente.backlog.api.RiskView;
import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.Risk;
import io.entente.platform.audit.ChangeHistory;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reading the risk register, each risk judged against its alliance's threshold. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RiskQueries {

    private static final LocalDate NO_REVIEW = LocalDate.of(9999, 12, 31);

    static final List<SortKey<Risk>> SORTS = List.of(
            SortKey.of("score", "e.score", Integer::valueOf, r -> r.score),
            SortKey.of("nextReviewDate", "coalesce(e.nextReviewDate, :noReview)", LocalDate::parse,
                    r -> r.nextReviewDate == null ? NO_REVIEW : r.nextReviewDate),
            SortKey.of("createdAt", "e.createdAt", Instant::parse, r -> r.createdAt));

    /** Follow from the alliance's threshold, which is changed on the alliance (and shows in its history). */
    private static final Set<String> DERIVED = Set.of("threshold", "aboveThreshold");

    private static final Keyset<Risk> KEYSET = Keyset.of(Risk.class, "id", r -> r.id, UUID::fromString);

    private final CurrentUser user;
    private final EntityManager em;
    private final BacklogConfig config;
    private final ChangeHistory history;

    public RiskQueries(CurrentUser user, EntityManager em, BacklogConfig config, ChangeHistory history) {
        this.user = user;
        this.em = em;
        this.config = config;
        this.history = history;
    }

    public RiskView get(UUID id) {
        Risk r = visible(id);
        return RiskView.of(r, threshold(r.allianceId));
    }

    /** The risk's changes, newest first: raised, edited, re-assessed, closed; {@code field} narrows them. */
    public Page<ChangeView> history(UUID id, String field, String after, Integer limit) {
        Risk r = visible(id);
        return history.of("risk", r.id.toString(), field, DERIVED, after, limit);
    }

    public Page<RiskView> list(RiskQuery query, String sort, String after, Integer limit) {
        return page(query, sort, after, Limit.of(limit));
    }

    /** Up to {@code max} risks in the list's order; one more than {@code max} tells the caller it was cut. */
    public List<RiskView> export(RiskQuery query, String sort, int max) {
        return page(query, sort, null, max + 1).items();
    }

    public int exportMaxRows() {
        return config.exportMaxRows();
    }

    private Page<RiskView> page(RiskQuery query, String sort, String after, int size) {
        SortKey<Risk> order = SortKey.choose(sort == null || sort.isBlank() ? "-score" : sort, SORTS);
        Where where = AllianceScope.of(user, query.allianceIds()).restrict(Where.all(), "e.allianceId")
                .and("e.status in :statuses", "statuses", query.statuses())
                .and("e.category in :categories", "categories", query.categories());
        if (query.aboveThreshold() != null) {
            where.and((query.aboveThreshold() ? "e.score >= " : "e.score < ")
                    + "(select a.riskThreshold from Alliance a where a.key = e.allianceId)");
        }
        if (order.expression().contains(":noReview")) {
            where.bind("noReview", NO_REVIEW);
        }
        Page<Risk> page = KEYSET.page(em, where, order, after, size);
        Map<String, Integer> thresholds = thresholds(page.items().stream().map(r -> r.allianceId).distinct().toList());
        return page.map(r -> RiskView.of(r, thresholds.getOrDefault(r.allianceId, config.defaultRiskThreshold())));
    }

    /** The risk, or 404 when it does not exist or lies outside the caller's alliances. */
    public Risk visible(UUID id) {
        Risk r = Risk.findById(id);
        if (r == null || !user.canSee(r.allianceId)) {
            throw Problems.notFound("risk", id);
        }
        return r;
    }

    public int threshold(String allianceKey) {
        Alliance a = Alliance.findById(allianceKey);
        return a == null ? config.defaultRiskThreshold() : a.riskThreshold;
    }

    private Map<String, Integer> thresholds(List<String> keys) {
        Map<String, Integer> result = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Object[] row : em.createQuery("select a.key, a.riskThreshold from Alliance a where a.key in :keys",
                    Object[].class).setParameter("keys", keys).getResultList()) {
                result.put((String) row[0], (Integer) row[1]);
            }
        }
        return result;
    }
}
