package io.entente.decision.api;

import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionOption;
import io.entente.decision.domain.PrepItem;

import io.entente.platform.security.Internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A decision as clients see it. Internal (never sent to a partner): the notes (negotiation positions), the risk
 * state and its reason, and the preparation, which is our backlog's work.
 *
 * @param currentBody the body holding the decision now (differs from governanceBody after escalation)
 * @param prep        the preparation as known from backlog and sprint events
 */
public record DecisionView(UUID id, String allianceId, String title, String question, String context,
                           List<DecisionOption> options, String governanceBody, String currentBody,
                           LocalDate dueDate, int leadTimeDays, LocalDate prepDeadline, String driver,
                           String approver, List<String> contributors, List<String> informed,
                           @Internal String internalNotes, String status, @Internal String riskState,
                           @Internal String riskReason, int escalationLevel, LocalDate respondBy, Proposal proposal,
                           Outcome outcome, UUID supersedesId, UUID supersededById, @Internal Prep prep,
                           String createdBy, long version, Instant createdAt, Instant updatedAt) {

    public record Proposal(String option, String summary) {
    }

    public record Outcome(String chosenOption, String rationale, Instant decidedAt, String decidedBy,
                          String meetingId) {
    }

    public record Prep(int total, int done, int inSprint, List<PrepItemView> items) {
    }

    public record PrepItemView(UUID itemId, String title, String status, boolean done, boolean inSprint,
                               String sprintId, String boardColumn) {
    }

    /** The full view; {@code prepItems} null leaves the prep out (audit snapshots). */
    public static DecisionView of(Decision d, List<PrepItem> prepItems, boolean showInternal) {
        Prep prep = null;
        if (prepItems != null) {
            List<PrepItemView> items = prepItems.stream().filter(PrepItem::counts)
                    .map(p -> new PrepItemView(p.itemId, p.title, p.backlogStatus, p.isDone(), p.isInSprint(),
                            p.sprintId, p.boardColumn))
                    .toList();
            prep = new Prep(items.size(), (int) items.stream().filter(PrepItemView::done).count(),
                    (int) items.stream().filter(i -> !i.done() && i.inSprint()).count(), items);
        }
        return new DecisionView(d.id, d.allianceId, d.title, d.question, d.context, d.options,
                d.governanceBody.name(), d.currentBody.name(), d.dueDate, d.leadTimeDays, d.prepDeadline(),
                d.driver, d.approver, d.contributors, d.informed, showInternal ? d.internalNotes : null,
                d.status.name(), d.riskState == null ? null : d.riskState.name(), d.riskReason, d.escalationLevel,
                d.respondBy, d.proposedOption == null ? null : new Proposal(d.proposedOption, d.proposalSummary),
                d.decidedAt == null ? null
                        : new Outcome(d.chosenOption, d.rationale, d.decidedAt, d.decidedBy, d.meetingId),
                d.supersedesId, d.supersededById, prep, d.createdBy, d.version, d.createdAt, d.updatedAt);
    }

    /** The snapshot the audit log keeps: everything, internal notes included, no derived prep list. */
    public static DecisionView snapshot(Decision d) {
        return of(d, null, true);
    }
}
