package io.entente.governance.domain;

/**
 * A person invited to a meeting and their answer. {@code user} is their Entente user id (Keycloak username) when they
 * have one, so that they can give their RSVP themselves; a partner is matched to their seat by it.
 */
public record Attendee(String name, String organisation, Side side, String email, Rsvp rsvp, String user) {

    public boolean isUser(String userId) {
        return user != null && user.equalsIgnoreCase(userId);
    }

    public Attendee answer(Rsvp answer) {
        return new Attendee(name, organisation, side, email, answer, user);
    }
}
