package io.entente.governance.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Drafts an agenda from what is due, in the order committees work through it: formalities, follow-up, progress,
 * decisions, escalations, risks and obligations, close. The secretary edits it afterwards.
 */
public final class AgendaDrafter {

    /** What the drafter needs to know about a decision requested from the body. */
    public record DueDecision(String decisionId, String title, String driver, boolean escalated) {
    }

    public record Due(String chairs, String lastMeetingTitle, boolean lastMinutesNeedApproval,
                      int openActionItems, boolean progress, List<DueDecision> decisions,
                      List<DueDecision> escalationsOnly, int risksOverThreshold, int obligationsComingDue) {
    }

    private AgendaDrafter() {
    }

    public static List<AgendaItem> draft(Due due) {
        List<AgendaItem> items = new ArrayList<>();
        add(items, "Opening", "Welcome, quorum and adoption of the agenda", due.chairs(), 10, Purpose.INFORMATION,
                null);
        if (due.lastMinutesNeedApproval()) {
            add(items, "Opening", "Approval of the minutes of " + due.lastMeetingTitle(), due.chairs(), 5,
                    Purpose.DECISION, null);
        }
        if (due.openActionItems() > 0) {
            add(items, "Follow-up", "Review of open action items (" + due.openActionItems() + ")", "Secretary", 10,
                    Purpose.DISCUSSION, null);
        }
        if (due.progress()) {
            add(items, "Progress", "Project and sprint progress", "Alliance manager", 15, Purpose.INFORMATION, null);
        }
        for (DueDecision decision : due.decisions()) {
            add(items, "Decisions", decision.title(), decision.driver(), decision.escalated() ? 20 : 15,
                    Purpose.DECISION, decision.decisionId());
        }
        for (DueDecision escalation : due.escalationsOnly()) {
            add(items, "Escalations", "Escalation: " + escalation.title(), escalation.driver(), 15,
                    Purpose.DISCUSSION, escalation.decisionId());
        }
        if (due.risksOverThreshold() > 0) {
            add(items, "Risks and obligations", "Risks over threshold (" + due.risksOverThreshold() + ")",
                    "Alliance manager", 15, Purpose.DISCUSSION, null);
        }
        if (due.obligationsComingDue() > 0) {
            add(items, "Risks and obligations", "Obligations coming due (" + due.obligationsComingDue() + ")",
                    "Contracts and obligations", 10, Purpose.INFORMATION, null);
        }
        add(items, "Close", "Any other business and date of the next meeting", due.chairs(), 5, Purpose.INFORMATION,
                null);
        return items;
    }

    private static void add(List<AgendaItem> items, String section, String title, String presenter, int minutes,
                            Purpose purpose, String decisionId) {
        items.add(new AgendaItem("item-" + (items.size() + 1), section, title, presenter, minutes, purpose,
                decisionId, null, null));
    }
}
