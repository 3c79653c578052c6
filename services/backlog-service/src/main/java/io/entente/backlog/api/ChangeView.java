package io.entente.backlog.api;

import java.time.Instant;
import java.util.List;

/**
 * One recorded change of an alliance, item, risk or obligation, read from the audit trail.
 *
 * @param action  what happened, the event's name (e.g. {@code AlliancePhaseChanged})
 * @param reason  the reason the user gave, where the change takes one (a phase change, a drop, a closed risk)
 * @param changes the fields whose value changed; on creation, the fields it was created with
 */
public record ChangeView(long id, Instant at, String actor, String action, String reason,
                         List<FieldChange> changes) {

    /** A field's value before and after, as text (lists joined with ", "); null where it had none. */
    public record FieldChange(String field, String before, String after) {
    }
}
