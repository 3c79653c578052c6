package io.entente.decision.service;

import io.entente.decision.domain.Alliance;
import io.entente.decision.domain.LadderStep;
import io.entente.decision.api.LadderRequest;
import io.entente.decision.api.LadderView;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The alliances this service knows and their escalation ladders. */
@ApplicationScoped
@Transactional
public class LadderService {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final EntityManager em;
    private final Clock clock;

    public LadderService(ChangeLog changes, CurrentUser user, EntityManager em, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LadderView get(String allianceId) {
        return view(visible(allianceId));
    }

    public LadderView replace(String allianceId, String ifMatch, LadderRequest request) {
        Alliance alliance = visible(allianceId);
        ETags.requireMatch(ifMatch, alliance.version);
        List<LadderStep> steps = request.steps().stream().map(s -> new LadderStep(s.body(), s.days())).toList();
        LadderView before = view(alliance);
        alliance.replaceLadder(steps, Instant.now(clock));
        em.flush();
        LadderView after = view(alliance);
        changes.auditOnly("EscalationLadderChanged", "alliance", allianceId, allianceId, before, after);
        return after;
    }

    /** From the backlog's AllianceRegistered/AllianceUpdated: a new alliance starts on the default ladder. */
    public void upsert(String allianceId, String name) {
        Alliance alliance = Alliance.findById(allianceId);
        if (alliance == null) {
            alliance = Alliance.announced(allianceId);
        }
        alliance.rename(name, Instant.now(clock));
        alliance.persist();
    }

    private Alliance visible(String allianceId) {
        Alliance alliance = allianceId == null ? null : Alliance.findById(allianceId);
        if (alliance == null || !user.canSee(allianceId)) {
            throw Problems.notFound("alliance", allianceId);
        }
        return alliance;
    }

    private static LadderView view(Alliance alliance) {
        return new LadderView(alliance.allianceId, alliance.name, alliance.ladder, alliance.version);
    }
}
