package io.entente.decision.domain;

import io.entente.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A key alliance decision with its DACI roles, options, due date and the preparation it needs. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String question;

    public String context;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DecisionOption> options;

    @Enumerated(EnumType.STRING)
    @Column(name = "governance_body", nullable = false)
    public GovernanceBody governanceBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_body", nullable = false)
    public GovernanceBody currentBody;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "lead_time_days", nullable = false)
    public int leadTimeDays;

    @Column(nullable = false)
    public String driver;

    @Column(nullable = false)
    public String approver;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> contributors;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> informed;

    /** Negotiation positions: internal only, never in a partner edition, a feed or a stakeholder's view. */
    @Column(name = "internal_notes")
    public String internalNotes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_state")
    public RiskState riskState;

    @Column(name = "risk_reason")
    public String riskReason;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    /** When escalated: the date by which the body now holding it must resolve it before it moves up again. */
    @Column(name = "respond_by")
    public LocalDate respondBy;

    @Column(name = "proposed_option")
    public String proposedOption;

    @Column(name = "proposal_summary")
    public String proposalSummary;

    @Column(name = "chosen_option")
    public String chosenOption;

    public String rationale;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** When it first left draft: the start of its cycle time. */
    @Column(name = "opened_at")
    public Instant openedAt;

    /** Every step up the ladder, oldest first, kept for the governance-health figures. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DecisionEscalation> escalations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DecisionDeferral> deferrals = new ArrayList<>();

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "meeting_id")
    public String meetingId;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "superseded_by_id")
    public UUID supersededById;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Validates and applies a status change; a refused one is a 409 that names both states. */
    public void moveTo(DecisionStatus target) {
        if (!status.canMoveTo(target)) {
            throw Problems.rule("invalid-transition", "a " + status + " decision cannot become " + target
                    + (status.isFinal() ? "; it is final: open a new decision that supersedes it" : ""));
        }
        status = target;
    }

    /** A draft's content may be replaced; an opened decision changes only through its status actions. */
    public void requireEditableDraft(String requestedAlliance) {
        if (status != DecisionStatus.DRAFT) {
            throw Problems.rule("not-a-draft", "only a draft can be edited; this decision is " + status
                    + " (defer it to move its due date, or supersede it once decided)");
        }
        if (!allianceId.equals(requestedAlliance)) {
            throw Problems.invalid("allianceId", "a decision cannot move to another alliance");
        }
    }

    public void open(Instant now) {
        if (status == DecisionStatus.DRAFT) {
            requireOpenable(options);
        }
        moveTo(DecisionStatus.OPEN);
        opened(now);
        updatedAt = now;
    }

    /** Starts the cycle-time clock the first time the decision opens (created open, or a draft opened). */
    public void opened(Instant now) {
        if (openedAt == null) {
            openedAt = now;
        }
    }

    /** An open decision needs something to choose between; a draft may still be collecting its options. */
    public static void requireOpenable(List<DecisionOption> options) {
        if (options.size() < 2) {
            throw Problems.invalid("options", "an open decision needs at least two options to choose from");
        }
    }

    public void propose(String option, String summary, Instant now) {
        requireOption("proposedOption", option);
        moveTo(DecisionStatus.PROPOSED);
        proposedOption = option;
        proposalSummary = summary;
        updatedAt = now;
    }

    /** Decided by a user of this service; the decision becomes final. */
    public void decide(String option, String rationale, String by, Instant now) {
        requireOption("chosenOption", option);
        close(option, rationale, by, null, now, now);
    }

    /**
     * Decided in a meeting, as its minutes record it. The minutes are the record: their option is taken as
     * written, and the time is when the meeting recorded it.
     */
    public void recordOutcome(String option, String rationale, String by, String meeting, Instant recordedAt,
                              Instant now) {
        close(option, rationale, by, meeting, recordedAt, now);
    }

    private void close(String option, String why, String by, String meeting, Instant at, Instant now) {
        moveTo(DecisionStatus.DECIDED);
        chosenOption = option;
        rationale = why;
        decidedAt = at;
        decidedBy = by == null || by.isBlank() ? "system:meeting-minutes" : by;
        meetingId = meeting;
        clearRisk();
        respondBy = null;
        resolveEscalations(at);
        updatedAt = now;
    }

    public void defer(LocalDate newDueDate, LocalDate today, Instant now) {
        if (!newDueDate.isAfter(today)) {
            throw Problems.invalid("newDueDate", "must be after today (" + today + ")");
        }
        if (newDueDate.equals(dueDate)) {
            throw Problems.invalid("newDueDate", "is the current due date; deferring needs a new one");
        }
        moveTo(DecisionStatus.DEFERRED);
        deferrals = append(deferrals, new DecisionDeferral(now, dueDate, newDueDate));
        resolveEscalations(now);
        dueDate = newDueDate;
        // The new date starts a new clock: the escalation limit of the old one no longer applies.
        respondBy = null;
        updatedAt = now;
    }

    public void withdraw(Instant now) {
        moveTo(DecisionStatus.WITHDRAWN);
        clearRisk();
        resolveEscalations(now);
        updatedAt = now;
    }

    /** A decided decision is never edited: a new decision in the same alliance replaces it. */
    public void requireSupersedableBy(String newAlliance) {
        if (status != DecisionStatus.DECIDED) {
            throw Problems.rule("not-decided", "only a decided decision is superseded; this one is " + status
                    + " and can still change through its status actions");
        }
        if (supersededById != null) {
            throw Problems.rule("already-superseded", "decision " + id + " is already superseded by "
                    + supersededById + "; supersede that one instead");
        }
        if (!allianceId.equals(newAlliance)) {
            throw Problems.invalid("allianceId", "must be " + allianceId + ", the alliance of the decision it "
                    + "supersedes");
        }
    }

    public void supersededBy(UUID successor, Instant now) {
        requireSupersedableBy(allianceId);
        supersededById = successor;
        updatedAt = now;
    }

    /** Still open past its deadline: the due date, or the limit of the body it was escalated to. */
    public boolean isPastEscalationDeadline(LocalDate today) {
        return status.isActive() && today.isAfter(escalationDeadline());
    }

    /** Moves the matter up to the next body of the ladder, which has its own days to resolve it. */
    public void escalateTo(LadderStep next, LocalDate today, Instant now) {
        moveTo(DecisionStatus.ESCALATED);
        currentBody = next.body();
        escalationLevel++;
        escalations = append(escalations, new DecisionEscalation(escalationLevel, next.body().name(), now, null));
        respondBy = today.plusDays(next.days());
        updatedAt = now;
    }

    /** Takes a new risk assessment; the caller publishes the change when the state differs. */
    public void rate(RiskAssessment assessment, Instant now) {
        riskState = assessment.state();
        riskReason = assessment.reason();
        updatedAt = now;
    }

    /** The matter is settled: every step still open ends now. */
    private void resolveEscalations(Instant now) {
        if (escalations.stream().anyMatch(e -> e.resolvedAt() == null)) {
            escalations = escalations.stream().map(e -> e.resolved(now)).toList();
        }
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    private void clearRisk() {
        riskState = null;
        riskReason = null;
    }

    /** The date by which preparation must be done. */
    public LocalDate prepDeadline() {
        return dueDate.minusDays(leadTimeDays);
    }

    /** The date after which the matter moves up the ladder: the due date, or the escalated body's limit. */
    public LocalDate escalationDeadline() {
        return respondBy != null ? respondBy : dueDate;
    }

    public boolean hasOption(String key) {
        return options.stream().anyMatch(o -> o.key().equals(key));
    }

    private void requireOption(String field, String key) {
        if (!hasOption(key)) {
            throw Problems.invalid(field, "'" + key + "' is not one of the options "
                    + options.stream().map(DecisionOption::key).collect(Collectors.joining(", ", "[", "]")));
        }
    }
}
