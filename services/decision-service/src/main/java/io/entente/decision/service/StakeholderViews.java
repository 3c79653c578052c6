package io.entente.decision.service;

import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.api.UpcomingQuery;
import io.entente.decision.api.UpcomingView;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views for the people who wait on decisions rather than prepare them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StakeholderViews {

    public static final int MAX_WEEKS = 26;

    private final CurrentUser user;
    private final DecisionAccess decisions;
    private final EntityManager em;
    private final Clock clock;

    public StakeholderViews(CurrentUser user, DecisionAccess decisions, EntityManager em, Clock clock) {
        this.user = user;
        this.decisions = decisions;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Decisions still to be taken in the user's alliances, due within {@code weeks}: overdue ones first (oldest
     * first), then one group per ISO week.
     */
    public UpcomingView upcoming(UpcomingQuery query) {
        if (query.weeks() < 1 || query.weeks() > MAX_WEEKS) {
            throw Problems.invalid("weeks", "must be between 1 and " + MAX_WEEKS);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate until = today.plusWeeks(query.weeks());
        AllianceScope scope = AllianceScope.of(user, query.allianceId());
        if (scope.isEmpty()) {
            return new UpcomingView(today, until, 0, List.of());
        }
        Where where = scope.restrict(Where.all(), "e.allianceId")
                .and("e.status in :active", "active", DecisionStatus.active())
                .and("e.dueDate <= :until", "until", until)
                // The body that holds it now: after escalation that is where the stakeholder will see it decided.
                .and("e.currentBody = :body", "body", query.body())
                .and("e.riskState = :risk", "risk", query.risk());
        where = decisions.restrict(where, query.risk());
        TypedQuery<Decision> found = em.createQuery("select e from Decision e where " + where.hql()
                + " order by e.dueDate, e.allianceId, e.id", Decision.class);
        where.params().forEach(found::setParameter);
        return grouped(found.getResultList(), today, until);
    }

    private static UpcomingView grouped(List<Decision> found, LocalDate today, LocalDate until) {
        List<UpcomingView.Item> overdue = new ArrayList<>();
        Map<LocalDate, List<UpcomingView.Item>> byWeek = new LinkedHashMap<>();
        for (Decision d : found) {
            UpcomingView.Item item = item(d, today);
            if (d.dueDate.isBefore(today)) {
                overdue.add(item);
            } else {
                LocalDate monday = d.dueDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                byWeek.computeIfAbsent(monday, m -> new ArrayList<>()).add(item);
            }
        }
        List<UpcomingView.Week> groups = new ArrayList<>();
        if (!overdue.isEmpty()) {
            groups.add(new UpcomingView.Week("Overdue", null, null, null, true, overdue));
        }
        byWeek.forEach((monday, items) -> groups.add(new UpcomingView.Week(label(monday, today), isoWeek(monday),
                monday, monday.plusDays(6), false, items)));
        return new UpcomingView(today, until, found.size(), groups);
    }

    private static UpcomingView.Item item(Decision d, LocalDate today) {
        return new UpcomingView.Item(d.id, d.allianceId, d.title, d.question, d.governanceBody.name(),
                d.currentBody.name(), d.dueDate, ChronoUnit.DAYS.between(today, d.dueDate), d.prepDeadline(),
                d.status.name(), d.riskState == null ? null : d.riskState.name(), d.riskReason, d.driver,
                d.approver, d.escalationLevel);
    }

    static String isoWeek(LocalDate date) {
        return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String label(LocalDate monday, LocalDate today) {
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weeksAhead = ChronoUnit.WEEKS.between(thisMonday, monday);
        String when = weeksAhead == 0 ? "This week" : weeksAhead == 1 ? "Next week" : "In " + weeksAhead + " weeks";
        return when + " (" + isoWeek(monday) + ", " + monday + " to " + monday.plusDays(6) + ")";
    }
}
