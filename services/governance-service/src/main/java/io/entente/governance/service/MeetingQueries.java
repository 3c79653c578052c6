package io.entente.governance.service;

import io.entente.governance.api.MeetingView;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.MeetingStatus;
import io.entente.platform.audit.ChangeHistory;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads meetings as the caller may see them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeetingQueries {

    private static final Keyset<Meeting> MEETINGS = Keyset.of(Meeting.class, "id", m -> m.id, UUID::fromString);
    private static final List<SortKey<Meeting>> SORTS = List.of(
            SortKey.of("startsAt", "e.startsAt", OffsetDateTime::parse,
                    m -> m.startsAt.withOffsetSameInstant(ZoneOffset.UTC)));

    /** What only our side may read: the briefing, and the agenda whose lines carry internal notes. */
    private static final Set<String> INTERNAL = Set.of("internalBriefing", "agenda");

    private final CurrentUser user;
    private final BodyService bodies;
    private final ChangeHistory history;
    private final EntityManager em;

    public MeetingQueries(CurrentUser user, BodyService bodies, ChangeHistory history, EntityManager em) {
        this.user = user;
        this.bodies = bodies;
        this.history = history;
        this.em = em;
    }

    /**
     * Who changed the meeting, what and when, newest first: scheduling, agenda, minutes, and the action items raised
     * in it following the backlog. Stakeholders do not learn of changes to internal material.
     */
    public Page<ChangeView> history(UUID id, String field, String after, Integer limit) {
        Meeting meeting = find(id);
        return history.of("meeting", meeting.id.toString(), field,
                Access.internalReader(user) ? Set.of() : INTERNAL, after, limit);
    }

    public MeetingView get(UUID id) {
        Meeting meeting = find(id);
        return view(meeting, bodies.find(meeting.bodyId));
    }

    public Page<MeetingView> list(String allianceId, UUID bodyId, MeetingStatus status, LocalDate from,
                                  LocalDate to, String sort, int limit, String after) {
        AllianceScope scope = AllianceScope.of(user, allianceId);
        if (scope.isEmpty()) {
            return Page.empty();
        }
        Where where = scope.restrict(Where.all(), "e.allianceId")
                .and("e.bodyId = :body", "body", bodyId)
                .and("e.bodyId in (select b.id from GovernanceBody b where b.type in :joint)", "joint",
                        Access.internalReader(user) ? null : Access.JOINT)
                .and("e.status = :status", "status", status)
                .and("e.startsAt >= :from", "from", from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .and("e.startsAt < :to", "to", to == null ? null
                        : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        return MEETINGS.page(em, where, SortKey.choose(sort, SORTS), after, limit)
                .map(m -> view(m, GovernanceBody.findById(m.bodyId)));
    }

    /** The meeting if the caller may see it; a meeting of an alliance they cannot see does not exist for them. */
    Meeting find(UUID id) {
        Meeting meeting = Meeting.findById(id);
        if (meeting == null || !user.canSee(meeting.allianceId)
                || !Access.canSeeBody(user, GovernanceBody.<GovernanceBody>findById(meeting.bodyId).type)) {
            throw Problems.notFound("meeting", id);
        }
        return meeting;
    }

    /** The meeting as the caller may read it: internal material only for readers on our side. */
    MeetingView view(Meeting meeting, GovernanceBody body) {
        return MeetingView.of(meeting, body, Access.internalReader(user));
    }
}
