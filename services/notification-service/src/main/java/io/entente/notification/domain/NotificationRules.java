package io.entente.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who must hear about what. Recipients come only from the events' own data and the read model built from them;
 * a governance body named as approver is not a person, so it is told nothing here.
 */
public final class NotificationRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private NotificationRules() {
    }

    /** {@code toState} is ON_TRACK, AT_RISK or OVERDUE; back on track tells nobody. */
    public static List<Planned> decisionRiskChanged(DecisionParties d, String toState, String reason) {
        NotificationKind kind = switch (toState) {
            case "AT_RISK" -> NotificationKind.DECISION_AT_RISK;
            case "OVERDUE" -> NotificationKind.DECISION_OVERDUE;
            default -> null;
        };
        if (kind == null) {
            return List.of();
        }
        String what = kind == NotificationKind.DECISION_AT_RISK ? "is at risk" : "is overdue";
        return toParties(d, kind, "Decision " + what + ": " + d.title, reason == null ? "" : reason);
    }

    public static List<Planned> decisionEscalated(DecisionParties d, String toBody, String respondBy) {
        return toParties(d, NotificationKind.DECISION_ESCALATED, "Decision escalated to " + toBody + ": " + d.title,
                respondBy == null ? "" : "A response is due by " + respondBy + ".");
    }

    public static List<Planned> decisionDecided(DecisionParties d, String chosenOption, String rationale) {
        return toParties(d, NotificationKind.DECISION_DECIDED, "Decision taken: " + d.title,
                "Option " + chosenOption + (rationale == null ? "" : ": " + rationale));
    }

    public static List<Planned> cardAssigned(String assignee, String allianceId, String itemId) {
        String who = username(assignee);
        return who == null ? List.of() : List.of(new Planned(who, NotificationKind.CARD_ASSIGNED, allianceId,
                "A card was assigned to you", "A sprint board card of " + allianceId + " is now yours.",
                "/items/" + itemId));
    }

    public static List<Planned> actionItemRaised(String owner, String allianceId, String meetingId, String title,
                                                 String dueDate) {
        String who = username(owner);
        return who == null ? List.of() : List.of(new Planned(who, NotificationKind.ACTION_ITEM_ASSIGNED, allianceId,
                "Action item for you: " + title, dueDate == null ? "" : "Due " + dueDate + ".",
                "/meetings/" + meetingId));
    }

    private static List<Planned> toParties(DecisionParties d, NotificationKind kind, String title, String body) {
        Set<String> people = new LinkedHashSet<>();
        for (String ref : new String[] {d.driver, d.approver}) {
            String who = username(ref);
            if (who != null) {
                people.add(who);
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (String who : people) {
            planned.add(new Planned(who, kind, d.allianceId, title, body, "/decisions/" + d.decisionId));
        }
        return planned;
    }

    /** {@code user:alex} or {@code alex} → {@code alex}; a body ({@code body:JSC}) or free text → null. */
    public static String username(String ref) {
        if (ref == null) {
            return null;
        }
        String name = ref.startsWith("user:") ? ref.substring(5) : ref;
        return USERNAME.matcher(name).matches() ? name : null;
    }
}
