package io.entente.notification.domain;

/**
 * One notification a rule decided on, before it is stored: who, what kind, and what it says. {@code partnerBody} is
 * what the partner company's people may read of it (the partner edition); null when the whole notification is
 * internal (a risk state, a sprint card), so that a partner is not told at all.
 */
public record Planned(String recipient, NotificationKind kind, String allianceId, String title, String body,
                      String partnerBody, String link) {

    /** The same for both sides: nothing in it is internal. */
    public static Planned joint(String recipient, NotificationKind kind, String allianceId, String title, String body,
                                String link) {
        return new Planned(recipient, kind, allianceId, title, body, body, link);
    }

    /** Only our side may hear of it. */
    public static Planned internal(String recipient, NotificationKind kind, String allianceId, String title,
                                   String body, String link) {
        return new Planned(recipient, kind, allianceId, title, body, null, link);
    }
}
