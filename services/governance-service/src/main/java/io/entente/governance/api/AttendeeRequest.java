package io.entente.governance.api;

import io.entente.governance.domain.Rsvp;
import io.entente.governance.domain.Side;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An invitee; RSVP defaults to PENDING; {@code user} is their Entente user id, if they have one. */
public record AttendeeRequest(@NotBlank @Size(max = 120) String name,
                              @NotBlank @Size(max = 200) String organisation,
                              @NotNull Side side,
                              @Email @Size(max = 200) String email,
                              Rsvp rsvp,
                              @Size(max = 120) String user) {
}
