package io.entente.governance.domain.packet;

import io.entente.platform.security.Internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A prep packet's content, a snapshot taken at generation time from the read models. Each list is a section;
 * entries are keyed (see {@link #SECTION_KEYS}) so that two versions can be compared entry by entry.
 */
public record PacketContent(Cover cover, List<AgendaEntry> agenda, List<DecisionEntry> decisions,
                            @Internal List<EscalationEntry> escalations, @Internal List<SprintProgress> progress,
                            @Internal List<RiskEntry> risks,
                            List<ObligationEntry> obligations, List<ActionEntry> actionItems,
                            MinutesEntry lastMinutes, @Internal String internalBriefing,
                            @Internal List<HealthEntry> health) {

    /** The field that identifies an entry in each list section. */
    public static final java.util.Map<String, String> SECTION_KEYS = java.util.Map.of(
            "agenda", "id", "decisions", "decisionId", "escalations", "decisionId", "progress", "sprintId",
            "risks", "riskId", "obligations", "obligationId", "actionItems", "actionItemId", "health", "id");

    public record Cover(String meetingId, String allianceId, String allianceName, String partner, String bodyId,
                        String bodyType, String bodyName, String meetingTitle, OffsetDateTime startsAt,
                        String timeZone, String localStart, int durationMinutes, String location, String callLink,
                        LocalDate dueHorizon, int version, Instant generatedAt, List<CoverMember> members) {
    }

    public record CoverMember(String name, String organisation, String side, String role) {
    }

    public record AgendaEntry(String id, int number, String section, String title, String presenter,
                              int durationMinutes, String localTime, String purpose, String decisionId,
                              String backlogItemId, @Internal String internalNote) {
    }

    public record OptionEntry(String key, String title, String pros, String cons) {
    }

    public record DecisionEntry(String decisionId, String title, String question, String context,
                                List<OptionEntry> options, String governanceBody, LocalDate dueDate,
                                Integer leadTimeDays, String driver, String approver, String status,
                                String proposedOption, @Internal String riskState, @Internal String escalatedTo,
                                @Internal String internalNotes) {
    }

    public record EscalationEntry(String decisionId, String title, String fromBody, String toBody, Integer level,
                                  String reason, LocalDate respondBy) {
    }

    public record ProgressItem(String itemId, String title, String column, Integer estimate) {
    }

    public record SprintProgress(String sprintId, String teamName, String sprintName, LocalDate startDate,
                                 LocalDate endDate, String state, int committedItems, int doneItems,
                                 int committedPoints, int donePoints, List<ProgressItem> items) {
    }

    public record RiskEntry(String riskId, String title, String category, String owner, String mitigation,
                            LocalDate nextReviewDate, @Internal Integer likelihood,
                            @Internal Integer impact, @Internal Integer score) {
    }

    public record ObligationEntry(String obligationId, String title, String clauseRef, String kind, String owedBy,
                                  LocalDate dueDate, String status) {
    }

    public record ActionEntry(String actionItemId, String title, String owner, LocalDate dueDate, String status,
                              boolean overdue, String meetingTitle, LocalDate raisedOn) {
    }

    public record MinutesOutcome(String agendaTitle, String type, String notes, String decisionTitle,
                                 String chosenOption, String rationale, String actionTitle, String owner,
                                 LocalDate dueDate) {
    }

    /**
     * One figure of "how this committee is doing" (internal edition only): the committee's governance-health figure
     * for one quarter; {@code id} is figure and quarter, so that two versions compare entry by entry.
     */
    public record HealthEntry(String id, String figure, String label, String unit, String quarter, Double value,
                              long sampleSize, Double target) {
    }

    public record MinutesAttendance(String name, String organisation, boolean present) {
    }

    public record MinutesEntry(String meetingId, String title, LocalDate heldOn, boolean approved,
                               List<MinutesAttendance> attendance, List<MinutesOutcome> outcomes) {
    }
}
