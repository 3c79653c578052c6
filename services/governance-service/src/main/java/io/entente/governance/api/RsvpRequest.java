package io.entente.governance.api;

import io.entente.governance.domain.Rsvp;
import jakarta.validation.constraints.NotNull;

/** The caller's own answer to a meeting invitation. */
public record RsvpRequest(@NotNull Rsvp rsvp) {
}
