package io.entente.backlog.service;

import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.Risk;
import io.entente.backlog.domain.RiskCategory;
import io.entente.backlog.domain.RiskRating;
import io.entente.backlog.domain.RiskStatus;
import io.entente.backlog.rest.RiskAssessmentRequest;
import io.entente.backlog.rest.RiskRequest;
import io.entente.backlog.rest.RiskUpdateRequest;
import io.entente.backlog.rest.RiskView;
import io.entente.events.backlog.RiskEvent.RiskClosed;
import io.entente.events.backlog.RiskEvent.RiskRaised;
import io.entente.events.backlog.RiskEvent.RiskScored;
import io.entente.events.backlog.RiskEvent.RiskUpdated;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class RiskService {

    private static final LocalDate NO_REVIEW = LocalDate.of(9999, 12, 31);

    static final List<Keyset.Sort<Risk>> SORTS = List.of(
            Keyset.Sort.of("score", "e.score", Integer::valueOf, r -> r.score),
            Keyset.Sort.of("nextReviewDate", "coalesce(e.nextReviewDate, :noReview)", LocalDate::parse,
                    r -> r.nextReviewDate == null ? NO_REVIEW : r.nextReviewDate),
            Keyset.Sort.of("createdAt", "e.createdAt", Instant::parse, r -> r.createdAt));

    private final ChangeLog changes;
    private final CurrentUser user;
    private final EntityManager em;
    private final ItemWriter writer;
    private final AllianceService alliances;
    private final Clock clock;
    private final BacklogConfig config;

    public RiskService(ChangeLog changes, CurrentUser user, EntityManager em, ItemWriter writer,
                       AllianceService alliances, Clock clock, BacklogConfig config) {
        this.changes = changes;
        this.user = user;
        this.em = em;
        this.writer = writer;
        this.alliances = alliances;
        this.clock = clock;
        this.config = config;
    }

    public RiskView raise(RiskRequest request) {
        Alliance alliance = alliances.visible(request.allianceId());
        RiskRating rating = new RiskRating(request.likelihood(), request.impact());
        Risk r = new Risk();
        r.id = UUID.randomUUID();
        r.allianceId = alliance.key;
        r.title = request.title().strip();
        r.category = request.category();
        r.likelihood = rating.likelihood();
        r.impact = rating.impact();
        r.score = rating.score();
        r.owner = request.owner().strip();
        r.mitigation = request.mitigation();
        r.status = RiskStatus.OPEN;
        r.nextReviewDate = request.nextReviewDate();
        r.createdAt = writer.now();
        r.updatedAt = r.createdAt;
        r.persist();
        RiskView view = RiskView.of(r, alliance.riskThreshold);
        changes.record(new RiskRaised(r.id.toString(), r.allianceId, r.title, r.category.name(), r.likelihood,
                r.impact, r.score, r.owner, r.mitigation, r.status.name(), r.nextReviewDate,
                view.aboveThreshold()), null, view);
        followUpIfCrossed(r, null, alliance.riskThreshold);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RiskView get(UUID id) {
        Risk r = visible(id);
        return RiskView.of(r, threshold(r.allianceId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RiskView> list(List<String> allianceIds, List<String> statuses, List<String> categories,
                               Boolean aboveThreshold, String sort, String after, Integer limit) {
        int size = Cursor.limit(limit);
        Keyset.Sort<Risk> order = Keyset.choose(sort == null || sort.isBlank() ? "-score" : sort, SORTS);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        List<String> requested = ItemQuery.split(allianceIds);
        List<String> scope = requested.isEmpty() ? (user.isAdmin() ? null : List.copyOf(user.alliances()))
                : requested.stream().filter(user::canSee).toList();
        if (scope != null && scope.isEmpty()) {
            Cursor.decode(after, order.name());
            return new Page<>(List.of(), null);
        }
        if (scope != null) {
            where.append(" and e.allianceId in :alliances");
            params.put("alliances", scope);
        }
        List<RiskStatus> statusValues = ItemQuery.enums("status", statuses, RiskStatus.class);
        if (!statusValues.isEmpty()) {
            where.append(" and e.status in :statuses");
            params.put("statuses", statusValues);
        }
        List<RiskCategory> categoryValues = ItemQuery.enums("category", categories, RiskCategory.class);
        if (!categoryValues.isEmpty()) {
            where.append(" and e.category in :categories");
            params.put("categories", categoryValues);
        }
        if (aboveThreshold != null) {
            where.append(aboveThreshold ? " and e.score >= " : " and e.score < ")
                    .append("(select a.riskThreshold from Alliance a where a.key = e.allianceId)");
        }
        if (order.expression().contains(":noReview")) {
            params.put("noReview", NO_REVIEW);
        }
        Page<Risk> page = Keyset.page(em, Risk.class, where.toString(), params, order, "id", r -> r.id.toString(),
                UUID::fromString, after, size);
        Map<String, Integer> thresholds = thresholds(page.items().stream().map(r -> r.allianceId).distinct().toList());
        return new Page<>(page.items().stream()
                .map(r -> RiskView.of(r, thresholds.getOrDefault(r.allianceId, config.defaultRiskThreshold())))
                .toList(), page.next());
    }

    public RiskView update(UUID id, RiskUpdateRequest request, String ifMatch) {
        Risk r = visible(id);
        ETags.requireMatch(ifMatch, r.version);
        requireOpen(r);
        if (request.status() == RiskStatus.CLOSED) {
            throw Problems.invalid("status", "close a risk with POST /api/risks/{id}/close and a reason");
        }
        int threshold = threshold(r.allianceId);
        RiskView before = RiskView.of(r, threshold);
        r.title = request.title().strip();
        r.category = request.category();
        r.owner = request.owner().strip();
        r.mitigation = request.mitigation();
        r.status = request.status();
        r.nextReviewDate = request.nextReviewDate();
        r.updatedAt = writer.now();
        em.flush();
        RiskView after = RiskView.of(r, threshold);
        changes.record(new RiskUpdated(r.id.toString(), r.allianceId, r.title, r.category.name(), r.owner,
                r.mitigation, r.status.name(), r.nextReviewDate), before, after);
        return after;
    }

    /** A re-rating; crossing the alliance's threshold upwards raises a follow-up item. */
    public RiskView assess(UUID id, RiskAssessmentRequest request, String ifMatch) {
        Risk r = visible(id);
        ETags.requireMatch(ifMatch, r.version);
        requireOpen(r);
        int threshold = threshold(r.allianceId);
        RiskView before = RiskView.of(r, threshold);
        RiskRating rating = new RiskRating(request.likelihood(), request.impact());
        int previous = r.score;
        r.likelihood = rating.likelihood();
        r.impact = rating.impact();
        r.score = rating.score();
        if (request.nextReviewDate() != null) {
            r.nextReviewDate = request.nextReviewDate();
        }
        r.updatedAt = writer.now();
        em.flush();
        RiskView after = RiskView.of(r, threshold);
        changes.record(new RiskScored(r.id.toString(), r.allianceId, r.likelihood, r.impact, r.score, previous,
                after.aboveThreshold(), r.nextReviewDate), before, after);
        followUpIfCrossed(r, previous, threshold);
        return after;
    }

    public RiskView close(UUID id, String reason, String ifMatch) {
        Risk r = visible(id);
        ETags.requireMatch(ifMatch, r.version);
        requireOpen(r);
        int threshold = threshold(r.allianceId);
        RiskView before = RiskView.of(r, threshold);
        r.status = RiskStatus.CLOSED;
        r.closedReason = reason.strip();
        r.updatedAt = writer.now();
        em.flush();
        RiskView after = RiskView.of(r, threshold);
        changes.record(new RiskClosed(r.id.toString(), r.allianceId, r.closedReason), before, after);
        return after;
    }

    private void followUpIfCrossed(Risk r, Integer previousScore, int threshold) {
        if (!RiskRating.crossesUp(previousScore, r.score, threshold)) {
            return;
        }
        String sourceRef = "risk:" + r.id;
        Long open = em.createQuery("select count(b) from BacklogItem b where b.sourceRef = :ref "
                        + "and b.status not in :closed", Long.class)
                .setParameter("ref", sourceRef).setParameter("closed", List.of(ItemStatus.DONE, ItemStatus.DROPPED))
                .getSingleResult();
        if (open > 0) {
            return;
        }
        LocalDate due = r.nextReviewDate != null ? r.nextReviewDate
                : LocalDate.now(clock).plusDays(config.riskFollowUpDays());
        String description = "Risk scored " + r.score + " (likelihood " + r.likelihood + " x impact " + r.impact
                + "), at or above the alliance threshold of " + threshold + ". Agree and start the mitigation"
                + (r.mitigation == null || r.mitigation.isBlank() ? "." : ": " + r.mitigation);
        writer.createAndRecord(NewItem.of(r.allianceId, truncate("Mitigate risk: " + r.title), description,
                disciplineFor(r.category), ItemType.RISK_FOLLOW_UP, null, r.owner, due, sourceRef));
    }

    static Discipline disciplineFor(RiskCategory category) {
        return switch (category) {
            case REGULATORY, IP -> Discipline.LEGAL;
            case COMMERCIAL, FINANCIAL -> Discipline.FINANCE;
            case SCIENTIFIC, SUPPLY, OPERATIONAL -> Discipline.PROJECT_MANAGEMENT;
            case RELATIONSHIP -> Discipline.ALLIANCE_HEALTH;
        };
    }

    private static String truncate(String title) {
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    private void requireOpen(Risk r) {
        if (r.status == RiskStatus.CLOSED) {
            throw Problems.rule("risk-closed", "risk " + r.id + " is closed");
        }
    }

    private Risk visible(UUID id) {
        Risk r = Risk.findById(id);
        if (r == null || !user.canSee(r.allianceId)) {
            throw Problems.notFound("risk", id);
        }
        return r;
    }

    private int threshold(String allianceKey) {
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
