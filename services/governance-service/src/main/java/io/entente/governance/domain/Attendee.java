package io.entente.governance.domain;

/** A person invited to a meeting and their answer. */
public record Attendee(String name, String organisation, Side side, String email, Rsvp rsvp) {
}
