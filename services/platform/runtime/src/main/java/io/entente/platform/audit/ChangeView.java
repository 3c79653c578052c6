package io.entente.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One recorded change of an aggregate, read from the audit trail ({@link ChangeHistory}).
 *
 * @param action  what happened, the event's name (e.g. {@code DecisionDeferred})
 * @param reason  the reason the user gave, where the change takes one (its event carries a {@code reason})
 * @param changes the fields whose value changed; on creation, the fields it was created with
 */
public record ChangeView(long id, Instant at, String actor, String action, String reason,
                         List<FieldChange> changes) {

    /** A field's value before and after, as text (lists joined with ", "); null where it had none. */
    public record FieldChange(String field, String before, String after) {
    }
}
