package io.entente.governance.api;

import java.time.LocalDate;
import java.util.UUID;

/** A meeting the body's cadence calls for that is not on the calendar: due by {@code dueBy}. */
public record MissingMeetingView(UUID bodyId, String allianceId, String bodyType, String cadence, LocalDate from,
                                 LocalDate dueBy, boolean overdue) {
}
