package io.entente.governance.service;

import io.entente.governance.domain.BodyRules;
import io.entente.governance.domain.BodyType;
import io.entente.governance.domain.Cadence;
import io.entente.governance.domain.CadenceRule;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Member;
import io.entente.governance.rest.BodyRequest;
import io.entente.governance.rest.BodyUpdateRequest;
import io.entente.governance.rest.BodyView;
import io.entente.governance.rest.Cursor;
import io.entente.governance.rest.MemberRequest;
import io.entente.governance.rest.Page;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class BodyService {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final ReadModels readModels;
    private final Clock clock;

    public BodyService(ChangeLog changes, CurrentUser user, ReadModels readModels, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.readModels = readModels;
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
        body.name = request.name() == null || request.name().isBlank() ? request.type().title()
                : request.name().strip();
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
        body.name = request.name().strip();
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
        boolean byType = "type".equals(sort);
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!user.isAdmin()) {
            query.append(" and allianceId in :alliances");
            params.and("alliances", user.alliances().isEmpty() ? Set.of("-") : user.alliances());
        }
        if (allianceId != null) {
            query.append(" and allianceId = :alliance");
            params.and("alliance", allianceId);
        }
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        Cursor cursor = Cursor.decode(after);
        String column = byType ? "cast(type as string)" : "name";
        if (cursor != null) {
            query.append(" and (").append(column).append(" > :cv or (").append(column)
                    .append(" = :cv and id > :cid))");
            params.and("cv", cursor.value()).and("cid", cursor.id());
        }
        query.append(" order by ").append(column).append(", id");
        List<GovernanceBody> rows = GovernanceBody.<GovernanceBody>find(query.toString(), params)
                .page(0, limit + 1).list();
        List<BodyView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(BodyView.of(rows.get(i)));
        }
        String next = null;
        if (rows.size() > limit) {
            GovernanceBody last = rows.get(limit - 1);
            next = new Cursor(byType ? last.type.name() : last.name, last.id).encode();
        }
        return new Page<>(items, next);
    }

    GovernanceBody find(UUID id) {
        GovernanceBody body = GovernanceBody.findById(id);
        if (body == null || !user.canSee(body.allianceId)) {
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
                .map(m -> new Member(m.name().strip(), m.organisation().strip(), m.side(), m.role(), m.email()))
                .toList();
    }

    private static void validate(List<Member> members, int quorum) {
        List<String> problems = BodyRules.violations(members, quorum);
        if (!problems.isEmpty()) {
            throw Problems.invalid("members", String.join("; ", problems));
        }
    }
}
