package io.entente.decision.service;

import io.entente.decision.api.DecisionRequest;
import io.entente.decision.api.DecisionView;
import io.entente.decision.api.OptionRequest;
import io.entente.decision.domain.Alliance;
import io.entente.decision.domain.DaciRef;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionOption;
import io.entente.decision.domain.DecisionStatus;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Writing a decision down: a new one (opened at once or kept a draft), and a draft's edits. */
@ApplicationScoped
@Transactional
public class DecisionDrafting {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final DecisionAccess decisions;
    private final DecisionRisk risk;
    private final Clock clock;

    public DecisionDrafting(ChangeLog changes, CurrentUser user, DecisionAccess decisions, DecisionRisk risk,
                            Clock clock) {
        this.changes = changes;
        this.user = user;
        this.decisions = decisions;
        this.risk = risk;
        this.clock = clock;
    }

    public DecisionView create(DecisionRequest request) {
        return create(request, null);
    }

    /** A new decision; {@code supersedes} links a successor back to the decided decision it replaces. */
    public DecisionView create(DecisionRequest request, UUID supersedes) {
        user.requireAlliance(request.allianceId(), "alliance", request.allianceId());
        if (Alliance.findById(request.allianceId()) == null) {
            throw Problems.notFound("alliance", request.allianceId());
        }
        boolean draft = Boolean.TRUE.equals(request.draft());
        validate(request, draft);
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.allianceId = request.allianceId();
        decision.createdAt = Instant.now(clock);
        apply(decision, request, decision.createdAt);
        decision.status = draft ? DecisionStatus.DRAFT : DecisionStatus.OPEN;
        if (!draft) {
            decision.opened(decision.createdAt);
        }
        decision.supersedesId = supersedes;
        decision.createdBy = user.id();
        decision.persist();
        decisions.flush();
        if (draft) {
            changes.auditOnly("DecisionDrafted", "decision", decision.id.toString(), decision.allianceId, null,
                    DecisionView.snapshot(decision));
        } else {
            changes.record(DecisionEvents.opened(decision), null, DecisionView.snapshot(decision));
            risk.reassess(decision);
        }
        return decisions.view(decision);
    }

    /** Replaces a draft's content; an opened decision changes only through its status actions. */
    public DecisionView updateDraft(UUID id, String ifMatch, DecisionRequest request) {
        Decision decision = decisions.visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        decision.requireEditableDraft(request.allianceId());
        validate(request, true);
        DecisionView before = DecisionView.snapshot(decision);
        apply(decision, request, Instant.now(clock));
        decisions.flush();
        changes.auditOnly("DecisionDraftEdited", "decision", decision.id.toString(), decision.allianceId, before,
                DecisionView.snapshot(decision));
        return decisions.view(decision);
    }

    // Request text arrives stripped, blank as null (the platform's request mapper); lists may still repeat names.
    private static void apply(Decision decision, DecisionRequest request, Instant now) {
        decision.title = request.title();
        decision.question = request.question();
        decision.context = request.context();
        decision.options = request.options() == null ? List.of() : request.options().stream()
                .map(o -> new DecisionOption(o.key(), o.title(), o.pros(), o.cons())).toList();
        decision.governanceBody = request.governanceBody();
        decision.currentBody = request.governanceBody();
        decision.dueDate = request.dueDate();
        decision.leadTimeDays = request.leadTimeDays();
        decision.driver = request.driver();
        decision.approver = request.approver();
        decision.contributors = request.contributors() == null ? List.of()
                : request.contributors().stream().distinct().toList();
        decision.informed = request.informed() == null ? List.of() : request.informed().stream().distinct().toList();
        decision.internalNotes = request.internalNotes();
        decision.updatedAt = now;
    }

    private void validate(DecisionRequest request, boolean draft) {
        List<OptionRequest> options = request.options() == null ? List.of() : request.options();
        Set<String> keys = new HashSet<>();
        for (OptionRequest option : options) {
            if (!keys.add(option.key())) {
                throw Problems.invalid("options", "option key '" + option.key() + "' is used twice");
            }
        }
        DaciRef.parse("approver", request.approver());
        DaciRef.requireAll("contributors", request.contributors());
        DaciRef.requireAll("informed", request.informed());
        // A due date already past is allowed: a decision brought over late from a tracker is overdue, and showing
        // it as such (and escalating it) is the point. Dates far off are typos.
        LocalDate today = LocalDate.now(clock);
        if (request.dueDate().isBefore(today.minusYears(1))) {
            throw Problems.invalid("dueDate", "is more than a year in the past (today is " + today
                    + "); check the year");
        }
        if (request.dueDate().isAfter(today.plusYears(5))) {
            throw Problems.invalid("dueDate", "is more than five years ahead; check the year");
        }
        if (!draft) {
            Decision.requireOpenable(options.stream()
                    .map(o -> new DecisionOption(o.key(), o.title(), null, null)).toList());
        }
    }
}
