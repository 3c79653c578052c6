package io.entente.governance.domain.packet;

import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.governance.domain.packet.PacketContent.MinutesEntry;
import io.entente.governance.domain.packet.PacketContent.SprintProgress;

import java.util.List;

/**
 * How much a packet carries. {@link #FULL} is the whole pre-read; {@link #SUMMARY} fits a page: decisions without
 * their background and options, sprint totals without the items, the three highest risks, only overdue action items,
 * last minutes without the attendance list.
 */
public enum PacketDepth {
    FULL, SUMMARY;

    static final int SUMMARY_RISKS = 3;

    public PacketContent apply(PacketContent full) {
        if (this == FULL) {
            return full;
        }
        List<DecisionEntry> decisions = full.decisions().stream()
                .map(d -> new DecisionEntry(d.decisionId(), d.title(), d.question(), null, List.of(),
                        d.governanceBody(), d.dueDate(), d.leadTimeDays(), d.driver(), d.approver(), d.status(),
                        d.proposedOption(), d.riskState(), d.escalatedTo(), d.internalNotes()))
                .toList();
        List<SprintProgress> progress = full.progress().stream()
                .map(p -> new SprintProgress(p.sprintId(), p.teamName(), p.sprintName(), p.startDate(), p.endDate(),
                        p.state(), p.committedItems(), p.doneItems(), p.committedPoints(), p.donePoints(), List.of()))
                .toList();
        MinutesEntry minutes = full.lastMinutes() == null ? null : new MinutesEntry(full.lastMinutes().meetingId(),
                full.lastMinutes().title(), full.lastMinutes().heldOn(), full.lastMinutes().approved(), List.of(),
                full.lastMinutes().outcomes());
        return new PacketContent(full.cover(), full.agenda(), decisions, full.escalations(), progress,
                full.risks().stream().limit(SUMMARY_RISKS).toList(), full.obligations(),
                full.actionItems().stream().filter(PacketContent.ActionEntry::overdue).toList(), minutes,
                full.internalBriefing(), full.health());
    }
}
