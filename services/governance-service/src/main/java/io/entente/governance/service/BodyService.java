package io.entente.governance.service;

import io.entente.governance.domain.BodyRules;
import io.entente.governance.domain.BodyType;
import io.entente.governance.domain.Cadence;
import io.entente.governance.domain.CadenceGaps;
import io.entente.governance.domain.CadenceRule;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.Member;
import io.entente.governance.api.BodyRequest;
import io.entente.governance.api.BodyUpdateRequest;
import io.entente.governance.api.BodyView;
import io.entente.governance.api.MissingMeetingView;

import io.entente.governance.api.MemberRequest;
import io.entente.platform.paging.Page;
import io.entente.platform.audit.ChangeHistory;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Keyset;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class BodyService {

    private static final Keyset<GovernanceBody> BODIES = Keyset.of(GovernanceBody.class, "id", b -> b.id,
            UUID::fromString);
    private static final List<SortKey<GovernanceBody>> SORTS = List.of(
            SortKey.of("name", "e.name", name -> name, b -> b.name),
            SortKey.of("type", "e.type", BodyType::valueOf, b -> b.type.name()));

    private final ChangeLog changes;
    private final ChangeHistory history;
    private final CurrentUser user;
    private final ReadModels readModels;
    private final EntityManager em;
    private final Clock clock;

    public BodyService(ChangeLog changes, ChangeHistory history, CurrentUser user, ReadModels readModels,
                       EntityManager em, Clock clock) {
        this.changes = changes;
        this.history = history;
        this.user = user;
        this.readModels = readModels;
        this.em = em;
        this.clock = clock;
    }

    public BodyView create(BodyRequest request) {
        user.requireAlliance(request.allianceId(), "alliance", request.allianceId());
        if (GovernanceBody.count("allianceId = ?1 and type = ?2", request.allianceId(), request.type()) > 0) {
            throw Problems.conflict("alliance " + request.allianceId() + " already has a " + request.type()
                    + "; change that body instead");
        }
        Cadence cadence = request.cadence() != null ? request.cadence() : defaultCadence(request);
        List<Member> members = members(request.members());
        validate(members, request.quorum());
        GovernanceBody body = new GovernanceBody();
        body.id = UUID.randomUUID();
        body.allianceId = request.allianceId();
        body.type = request.type();
        body.name = request.name() == null ? request.type().title() : request.name();
        body.quorum = request.quorum();
        body.cadence = cadence;
        body.decisionRights = request.decisionRights();
        body.members(members);
        body.createdAt = Instant.now(clock);
        body.updatedAt = body.createdAt;
        body.persist();
        body.flush();
        BodyView view = BodyView.of(body);
        changes.auditOnly("GovernanceBodyCreated", "governance-body", body.id.toString(), body.allianceId, null,
                view);
        return view;
    }

    public BodyView update(UUID id, BodyUpdateRequest request, String ifMatch) {
        GovernanceBody body = find(id);
        ETags.requireMatch(ifMatch, body.version);
        List<Member> members = members(request.members());
        validate(members, request.quorum());
        BodyView before = BodyView.of(body);
        body.name = request.name();
        body.quorum = request.quorum();
        body.cadence = request.cadence();
        body.decisionRights = request.decisionRights();
        body.members(members);
        body.updatedAt = Instant.now(clock);
        body.flush();
        BodyView after = BodyView.of(body);
        changes.auditOnly("GovernanceBodyUpdated", "governance-body", body.id.toString(), body.allianceId, before,
                after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BodyView get(UUID id) {
        return BodyView.of(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BodyView> list(String allianceId, BodyType type, String sort, int limit, String after) {
        AllianceScope scope = AllianceScope.of(user, allianceId);
        if (scope.isEmpty()) {
            return Page.empty();
        }
        Where where = scope.restrict(Where.all(), "e.allianceId").and("e.type = :type", "type", type)
                .and("e.type in :joint", "joint", Access.internalReader(user) ? null : Access.JOINT);
        return BODIES.page(em, where, SortKey.choose(sort, SORTS), after, limit).map(BodyView::of);
    }

    /** The meetings the body's cadence calls for that nobody has scheduled, oldest first, as of today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MissingMeetingView> missingMeetings(UUID id, int limit) {
        GovernanceBody body = find(id);
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> days = Meeting.<Meeting>list("bodyId", body.id).stream().map(Meeting::localDate).toList();
        LocalDate since = body.createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        return new Page<>(CadenceGaps.missing(body.cadence, since, days, today).stream().limit(limit)
                .map(g -> new MissingMeetingView(body.id, body.allianceId, body.type.name(), body.cadence.name(),
                        g.from(), g.dueBy(), g.dueBy().isBefore(today)))
                .toList(), null);
    }

    /** Who changed the body, what and when, newest first. A body holds nothing internal: everyone sees it all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeView> history(UUID id, String field, String after, Integer limit) {
        GovernanceBody body = find(id);
        return history.of("governance-body", body.id.toString(), field, Set.of(), after, limit);
    }

    GovernanceBody find(UUID id) {
        GovernanceBody body = GovernanceBody.findById(id);
        if (body == null || !user.canSee(body.allianceId) || !Access.canSeeBody(user, body.type)) {
            throw Problems.notFound("governance body", id);
        }
        return body;
    }

    private Cadence defaultCadence(BodyRequest request) {
        Integer tier = readModels.alliance(request.allianceId()).map(ReadModels.AllianceInfo::tier).orElse(null);
        if (tier == null) {
            throw Problems.invalid("cadence", "is required: the tier of alliance " + request.allianceId()
                    + " is not known to the governance service yet");
        }
        return CadenceRule.defaultFor(tier, request.type());
    }

    private static List<Member> members(List<MemberRequest> requests) {
        return requests.stream()
                .map(m -> new Member(m.name(), m.organisation(), m.side(), m.role(), m.email()))
                .toList();
    }

    private static void validate(List<Member> members, int quorum) {
        List<String> problems = BodyRules.violations(members, quorum);
        if (!problems.isEmpty()) {
            throw Problems.invalid("members", String.join("; ", problems));
        }
    }
}
