package io.entente.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who must hear about what. Recipients come only from the events' own data and the read models built from them; a
 * governance body named in a DACI is not a person, so it is told nothing here. Each rule also says what the partner
 * company's people may read of it: a decision's risk state is internal (so at risk and overdue tell a partner
 * nothing), a decision's outcome and escalation are joint.
 */
public final class NotificationRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private NotificationRules() {
    }

    /** An invited person with a user id; {@code partnerSide} when they sit on the partner company's side. */
    public record Invitee(String user, boolean partnerSide) {
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
        return toParties(d, false, who -> Planned.internal(who, kind, d.allianceId, "Decision " + what + ": "
                + d.title, reason == null ? "" : reason, link(d)));
    }

    public static List<Planned> decisionEscalated(DecisionParties d, String toBody, String respondBy) {
        return toParties(d, false, who -> Planned.joint(who, NotificationKind.DECISION_ESCALATED, d.allianceId,
                "Decision escalated to " + toBody + ": " + d.title,
                respondBy == null ? "" : "A response is due by " + respondBy + ".", link(d)));
    }

    /** The informed people hear of the outcome too (and only of the outcome). */
    public static List<Planned> decisionDecided(DecisionParties d, String chosenOption, String rationale) {
        return toParties(d, true, who -> Planned.joint(who, NotificationKind.DECISION_DECIDED, d.allianceId,
                "Decision taken: " + d.title, "Option " + chosenOption + (rationale == null ? "" : ": " + rationale),
                link(d)));
    }

    public static List<Planned> cardAssigned(String assignee, String allianceId, String itemId) {
        String who = username(assignee);
        return who == null ? List.of() : List.of(Planned.internal(who, NotificationKind.CARD_ASSIGNED, allianceId,
                "A card was assigned to you", "A sprint board card of " + allianceId + " is now yours.",
                "/items/" + itemId));
    }

    public static List<Planned> actionItemRaised(String owner, String allianceId, String meetingId, String title,
                                                 String dueDate) {
        String who = username(owner);
        return who == null ? List.of() : List.of(Planned.joint(who, NotificationKind.ACTION_ITEM_ASSIGNED,
                allianceId, "Action item for you: " + title, dueDate == null ? "" : "Due " + dueDate + ".",
                "/meetings/" + meetingId));
    }

    /**
     * Each version of a packet, to the meeting's attendees, with what changed since the previous version: our side
     * reads the internal edition's changes, the partner's side those of the partner edition.
     */
    public static List<Planned> packetPublished(String meetingId, String allianceId, String meetingTitle, int version,
                                                List<Invitee> invitees, List<String> changes,
                                                List<String> partnerChanges) {
        String title = (version == 1 ? "Packet published: " : "Packet version " + version + ": ") + meetingTitle;
        String ours = packetBody(version, changes);
        String theirs = packetBody(version, partnerChanges);
        List<Planned> planned = new ArrayList<>();
        for (Invitee i : people(invitees)) {
            planned.add(new Planned(i.user(), NotificationKind.PACKET_PUBLISHED, allianceId, title,
                    i.partnerSide() ? theirs : ours, theirs, "/meetings/" + meetingId));
        }
        return planned;
    }

    public static List<Planned> minutesApproved(String meetingId, String allianceId, String meetingTitle,
                                                List<Invitee> invitees) {
        List<Planned> planned = new ArrayList<>();
        for (Invitee i : people(invitees)) {
            planned.add(Planned.joint(i.user(), NotificationKind.MINUTES_APPROVED, allianceId,
                    "Minutes approved: " + meetingTitle, "The minutes of the meeting are approved.",
                    "/meetings/" + meetingId));
        }
        return planned;
    }

    /**
     * The survey after a meeting, to each invited attendee with a login. The personal link itself stays in
     * governance (it is a credential): the notification leads to the meeting page, which shows the reader their own.
     */
    public static List<Planned> pulseSurveyIssued(String meetingId, String allianceId, String meetingTitle,
                                                  String expiresOn, List<Invitee> invitees) {
        List<Planned> planned = new ArrayList<>();
        for (Invitee i : people(invitees)) {
            planned.add(Planned.joint(i.user(), NotificationKind.PULSE_SURVEY, allianceId,
                    "How did it go? " + meetingTitle,
                    "Five questions on the meeting, two minutes; your answers are never shown with your name. "
                            + "Open the meeting for your personal link" + (expiresOn == null ? "." : " (open until "
                            + expiresOn + ")."),
                    "/meetings/" + meetingId));
        }
        return planned;
    }

    /**
     * How old news of an obligation may be and still be told. The consumer reads a topic it newly subscribes to from
     * the start, so without this a service that begins to listen to obligations would mail every one ever due.
     */
    public static final Duration OBLIGATION_NEWS_KEEPS = Duration.ofDays(7);

    public static boolean staleObligationNews(Instant occurredAt, Instant now) {
        return occurredAt != null && occurredAt.isBefore(now.minus(OBLIGATION_NEWS_KEEPS));
    }

    /** What ObligationDue tells of an obligation; {@code owedBy} is US, PARTNER or JOINT. */
    public record Obligation(String obligationId, String allianceId, String title, String clauseRef, String owedBy,
                             String dueDate) {
    }

    /**
     * To the obligation's owners as events name them: the alliance's manager and whoever holds the board card of its
     * work. No event names a team's members, and both of these sit on our side, so nobody of the partner company is
     * told here even when the partner owes it. The obligation itself is joint (the partner reads it too); how we
     * prepare it (the lead time) is ours, so the partner edition leaves it out.
     */
    /** To the owners: the alliance's manager, the card's holder and the team of the sprint the work is in. */
    public static List<Planned> obligationDue(Obligation o, int leadTimeDays, String manager, String holder,
                                              List<String> team) {
        String facts = owed(o.owedBy()) + (o.clauseRef() == null ? "" : " under clause " + o.clauseRef()) + ", due "
                + o.dueDate() + ".";
        String ours = facts + " Its preparation starts now (" + leadTimeDays + " days ahead).";
        return owners(manager, holder, team).stream().map(who -> new Planned(who, NotificationKind.OBLIGATION_DUE,
                o.allianceId(), "Obligation coming due: " + o.title(), ours, facts, allianceLink(o.allianceId())))
                .toList();
    }

    /** A missed obligation may become a dispute, so its owners hear of it at once; the fact is joint. */
    public static List<Planned> obligationMissed(String allianceId, String title, String dueDate, String manager,
                                                 String holder, List<String> team) {
        return owners(manager, holder, team).stream().map(who -> Planned.joint(who, NotificationKind.OBLIGATION_MISSED,
                allianceId, "Obligation missed: " + title, "It was due " + dueDate + " and is not recorded as met.",
                allianceLink(allianceId))).toList();
    }

    private static String owed(String owedBy) {
        return switch (owedBy == null ? "" : owedBy) {
            case "US" -> "Owed by us";
            case "PARTNER" -> "Owed by the partner";
            case "JOINT" -> "Owed jointly";
            default -> "Owed";
        };
    }

    private static List<String> owners(String manager, String holder, List<String> team) {
        List<String> refs = new ArrayList<>();
        refs.add(manager);
        refs.add(holder);
        refs.addAll(team == null ? List.of() : team);
        Set<String> people = new LinkedHashSet<>();
        for (String ref : refs) {
            String who = username(ref);
            if (who != null) {
                people.add(who);
            }
        }
        return List.copyOf(people);
    }

    private static String allianceLink(String allianceId) {
        return "/alliances/" + allianceId;
    }

    private static String packetBody(int version, List<String> changes) {
        if (version == 1) {
            return "The first version of the packet is ready.";
        }
        if (changes == null || changes.isEmpty()) {
            return "Version " + version + " of the packet; nothing changed in what you can read.";
        }
        return "Changed since version " + (version - 1) + ": " + String.join("; ", changes) + ".";
    }

    private static List<Invitee> people(List<Invitee> invitees) {
        Set<String> seen = new LinkedHashSet<>();
        List<Invitee> people = new ArrayList<>();
        for (Invitee i : invitees == null ? List.<Invitee>of() : invitees) {
            String who = username(i.user());
            if (who != null && seen.add(who)) {
                people.add(new Invitee(who, i.partnerSide()));
            }
        }
        return people;
    }

    private static String link(DecisionParties d) {
        return "/decisions/" + d.decisionId;
    }

    private static List<Planned> toParties(DecisionParties d, boolean withInformed,
                                           java.util.function.Function<String, Planned> plan) {
        List<String> refs = new ArrayList<>();
        refs.add(d.driver);
        refs.add(d.approver);
        if (d.contributors != null) {
            refs.addAll(List.of(d.contributors));
        }
        if (withInformed && d.informed != null) {
            refs.addAll(List.of(d.informed));
        }
        Set<String> people = new LinkedHashSet<>();
        for (String ref : refs) {
            String who = username(ref);
            if (who != null) {
                people.add(who);
            }
        }
        return people.stream().map(plan).toList();
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
