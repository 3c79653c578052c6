package io.entente.decision.domain;

import io.entente.platform.rest.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

    @Convert(converter = JsonColumns.Options.class)
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

    @Convert(converter = JsonColumns.Names.class)
    @Column(nullable = false)
    public List<String> contributors;

    @Convert(converter = JsonColumns.Names.class)
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
}
