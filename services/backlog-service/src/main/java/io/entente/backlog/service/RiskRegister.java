package io.entente.backlog.service;

import io.entente.backlog.api.NewItem;
import io.entente.backlog.api.RiskAssessmentRequest;
import io.entente.backlog.api.RiskRequest;
import io.entente.backlog.api.RiskUpdateRequest;
import io.entente.backlog.api.RiskView;
import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.Risk;
import io.entente.backlog.domain.RiskCategory;
import io.entente.backlog.domain.RiskRating;
import io.entente.backlog.domain.RiskStatus;
import io.entente.events.backlog.RiskEvent.RiskClosed;
import io.entente.events.backlog.RiskEvent.RiskRaised;
import io.entente.events.backlog.RiskEvent.RiskScored;
import io.entente.events.backlog.RiskEvent.RiskUpdated;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Keeping an alliance's risk register: raising, describing, re-rating and closing risks. A risk that reaches its
 * alliance's threshold gets a follow-up item in the backlog.
 */
@ApplicationScoped
@Transactional
public class RiskRegister {

    private final ChangeLog changes;
    private final EntityManager em;
    private final ItemWriter writer;
    private final AllianceService alliances;
    private final RiskQueries risks;
    private final Clock clock;
    private final BacklogConfig config;

    public RiskRegister(ChangeLog changes, EntityManager em, ItemWriter writer, AllianceService alliances,
                        RiskQueries risks, Clock clock, BacklogConfig config) {
        this.changes = changes;
        this.em = em;
        this.writer = writer;
        this.alliances = alliances;
        this.risks = risks;
        this.clock = clock;
        this.config = config;
    }

    public RiskView raise(RiskRequest request) {
        Alliance alliance = alliances.visible(request.allianceId());
        Risk r = new Risk();
        r.id = UUID.randomUUID();
        r.allianceId = alliance.key;
        r.title = request.title();
        r.category = request.category();
        r.rate(new RiskRating(request.likelihood(), request.impact()));
        r.owner = request.owner();
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

    public RiskView update(UUID id, RiskUpdateRequest request, String ifMatch) {
        Risk r = open(id, ifMatch);
        if (request.status() == RiskStatus.CLOSED) {
            throw Problems.invalid("status", "close a risk with POST /api/risks/{id}/close and a reason");
        }
        int threshold = risks.threshold(r.allianceId);
        RiskView before = RiskView.of(r, threshold);
        r.title = request.title();
        r.category = request.category();
        r.owner = request.owner();
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
        Risk r = open(id, ifMatch);
        int threshold = risks.threshold(r.allianceId);
        RiskView before = RiskView.of(r, threshold);
        int previous = r.reassess(new RiskRating(request.likelihood(), request.impact()), request.nextReviewDate(),
                writer.now());
        em.flush();
        RiskView after = RiskView.of(r, threshold);
        changes.record(new RiskScored(r.id.toString(), r.allianceId, r.likelihood, r.impact, r.score, previous,
                after.aboveThreshold(), r.nextReviewDate), before, after);
        followUpIfCrossed(r, previous, threshold);
        return after;
    }

    public RiskView close(UUID id, String reason, String ifMatch) {
        Risk r = open(id, ifMatch);
        int threshold = risks.threshold(r.allianceId);
        RiskView before = RiskView.of(r, threshold);
        r.close(reason, writer.now());
        em.flush();
        RiskView after = RiskView.of(r, threshold);
        changes.record(new RiskClosed(r.id.toString(), r.allianceId, r.closedReason), before, after);
        return after;
    }

    /** The visible risk at the version the client saw, still open. */
    private Risk open(UUID id, String ifMatch) {
        Risk r = risks.visible(id);
        ETags.requireMatch(ifMatch, r.version);
        if (r.isClosed()) {
            throw Problems.rule("risk-closed", "risk " + r.id + " is closed");
        }
        return r;
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
}
