package io.entente.decision.service;

import io.entente.decision.api.ActionRequests;
import io.entente.decision.api.DecisionRequest;
import io.entente.decision.api.DecisionView;
import io.entente.decision.api.MeetingOutcome;
import io.entente.decision.domain.DaciRef;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionStatus;
import io.entente.events.DomainEvent;
import io.entente.events.decision.DecisionEvent.DecisionDeferred;
import io.entente.events.decision.DecisionEvent.DecisionProposed;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.ProblemException;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** A decision's status actions, from opening to the outcome, and its replacement once decided. */
@ApplicationScoped
@Transactional
public class DecisionLifecycle {

    private static final Logger LOG = Logger.getLogger(DecisionLifecycle.class);

    private final ChangeLog changes;
    private final CurrentUser user;
    private final DecisionAccess decisions;
    private final DecisionDrafting drafting;
    private final DecisionRisk risk;
    private final Clock clock;

    public DecisionLifecycle(ChangeLog changes, CurrentUser user, DecisionAccess decisions,
                             DecisionDrafting drafting, DecisionRisk risk, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.decisions = decisions;
        this.drafting = drafting;
        this.risk = risk;
        this.clock = clock;
    }

    public DecisionView open(UUID id, String ifMatch) {
        Decision decision = act(id, ifMatch, d -> d.open(Instant.now(clock)), DecisionEvents::opened);
        risk.reassess(decision);
        return decisions.view(decision);
    }

    public DecisionView propose(UUID id, String ifMatch, ActionRequests.Propose request) {
        return decisions.view(act(id, ifMatch,
                d -> d.propose(request.proposedOption(), request.summary(), Instant.now(clock)),
                d -> new DecisionProposed(d.id.toString(), d.allianceId, d.proposedOption, d.proposalSummary)));
    }

    public DecisionView decide(UUID id, String ifMatch, ActionRequests.Decide request) {
        return decisions.view(act(id, ifMatch,
                d -> {
                    requireApprover(d);
                    d.decide(request.chosenOption(), request.rationale(), user.id(), Instant.now(clock));
                },
                DecisionEvents::decided));
    }

    /**
     * Only the approver takes the decision: the named user, or for a committee governance ops recording what it
     * decided. Anyone else is told who may.
     */
    private void requireApprover(Decision d) {
        DaciRef approver;
        try {
            approver = DaciRef.parse("approver", d.approver);
        } catch (ProblemException legacy) {
            // Written before approvers were references: a name in words is a committee's chairs, recorded by ops.
            approver = new DaciRef(DaciRef.Kind.BODY, d.currentBody.name());
        }
        if (approver.kind() == DaciRef.Kind.USER) {
            if (!approver.isUser(user.id())) {
                throw Problems.forbidden("not-the-approver", "only the approver, " + approver + ", can decide this "
                        + "decision; you are user:" + user.id() + ". Propose an option to them instead.");
            }
        } else if (!user.isAdmin() && !user.hasRole(Roles.GOVERNANCE_OPS)) {
            throw Problems.forbidden("not-the-approver", "the approver is the " + approver.id() + " (" + approver
                    + "): governance ops record its decision; you are user:" + user.id());
        }
    }

    public DecisionView defer(UUID id, String ifMatch, ActionRequests.Defer request) {
        Decision decision = act(id, ifMatch,
                d -> d.defer(request.newDueDate(), LocalDate.now(clock), Instant.now(clock)),
                d -> new DecisionDeferred(d.id.toString(), d.allianceId, d.dueDate, request.reason()));
        risk.reassess(decision);
        return decisions.view(decision);
    }

    public DecisionView withdraw(UUID id, String ifMatch, ActionRequests.Withdraw request) {
        return decisions.view(act(id, ifMatch, d -> d.withdraw(Instant.now(clock)),
                d -> new DecisionWithdrawn(d.id.toString(), d.allianceId, request.reason())));
    }

    /** A decided decision is never edited: a new decision replaces it and both link to each other. */
    public DecisionView supersede(UUID id, String ifMatch, DecisionRequest request) {
        Decision old = decisions.visible(id);
        ETags.requireMatch(ifMatch, old.version);
        old.requireSupersedableBy(request.allianceId());
        DecisionView created = drafting.create(request, old.id);
        DecisionView before = DecisionView.snapshot(old);
        old.supersededBy(created.id(), Instant.now(clock));
        decisions.flush();
        changes.auditOnly("DecisionSuperseded", "decision", old.id.toString(), old.allianceId, before,
                DecisionView.snapshot(old));
        return created;
    }

    /** A decision taken in a meeting, as the minutes record it. Runs for the event consumer, without a user. */
    public void recordMeetingOutcome(MeetingOutcome outcome) {
        UUID id;
        try {
            id = UUID.fromString(outcome.decisionId());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("meeting %s recorded decision '%s', which is not a decision id; ignored",
                    outcome.meetingId(), outcome.decisionId());
            return;
        }
        Decision decision = Decision.findById(id);
        if (decision == null || !decision.allianceId.equals(outcome.allianceId())) {
            LOG.warnf("meeting %s recorded decision %s, unknown in alliance %s; ignored", outcome.meetingId(), id,
                    outcome.allianceId());
            return;
        }
        if (decision.status == DecisionStatus.DECIDED) {
            if (!outcome.meetingId().equals(decision.meetingId)) {
                LOG.warnf("meeting %s recorded decision %s, already decided (meeting %s); kept the first outcome",
                        outcome.meetingId(), id, decision.meetingId);
            }
            return;
        }
        if (!decision.status.canMoveTo(DecisionStatus.DECIDED)) {
            LOG.warnf("meeting %s recorded decision %s, which is %s; ignored", outcome.meetingId(), id,
                    decision.status);
            return;
        }
        Instant now = Instant.now(clock);
        change(decision, d -> d.recordOutcome(outcome.chosenOption(), outcome.rationale(), outcome.recordedBy(),
                outcome.meetingId(), outcome.recordedAt() != null ? outcome.recordedAt() : now, now),
                DecisionEvents::decided);
    }

    /** A status action on a decision the caller may see, at the version they last read. */
    private Decision act(UUID id, String ifMatch, Consumer<Decision> action,
                         Function<Decision, DomainEvent> event) {
        Decision decision = decisions.visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        change(decision, action, event);
        return decision;
    }

    /** Applies the change, then records it with the event it publishes and the before and after snapshots. */
    private void change(Decision decision, Consumer<Decision> action, Function<Decision, DomainEvent> event) {
        DecisionView before = DecisionView.snapshot(decision);
        action.accept(decision);
        decisions.flush();
        changes.record(event.apply(decision), before, DecisionView.snapshot(decision));
    }
}
