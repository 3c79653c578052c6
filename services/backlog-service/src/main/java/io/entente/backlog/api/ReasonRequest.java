package io.entente.backlog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: dropping an item, closing a risk. Kept in the audit trail and the event. */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}
