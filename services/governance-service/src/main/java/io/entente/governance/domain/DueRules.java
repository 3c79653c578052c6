package io.entente.governance.domain;

import java.time.LocalDate;

/** What a packet covers: the window its facts are chosen from. */
public final class DueRules {

    private DueRules() {
    }

    /**
     * Decisions and obligations are in the packet when due before the body meets again: the next scheduled meeting,
     * or one cadence interval ahead when none is scheduled yet.
     */
    public static LocalDate horizon(LocalDate meetingDate, LocalDate nextMeetingDate, Cadence cadence) {
        return nextMeetingDate != null ? nextMeetingDate : meetingDate.plusMonths(cadence.months());
    }

    /** Progress is reported since the body last met, or over one cadence interval for its first meeting. */
    public static LocalDate progressSince(LocalDate meetingDate, LocalDate previousMeetingDate, Cadence cadence) {
        return previousMeetingDate != null ? previousMeetingDate : meetingDate.minusMonths(cadence.months());
    }

    /** Decision due dates are inclusive deadlines: due on the day of the next meeting is too late for it. */
    public static boolean dueBefore(LocalDate dueDate, LocalDate horizon) {
        return dueDate != null && dueDate.isBefore(horizon);
    }

    /** Obligations falling due on the horizon day itself still need the committee's attention now. */
    public static boolean comingDue(LocalDate dueDate, LocalDate horizon) {
        return dueDate != null && !dueDate.isAfter(horizon);
    }

    /**
     * A decision belongs to a body's packet when the body holds the decision right, or when it was escalated to it.
     * Bodies are named by type ("JSC") or by their id.
     */
    public static boolean belongsTo(String governanceBody, String escalatedTo, BodyType type, String bodyId) {
        String holder = escalatedTo != null && !escalatedTo.isBlank() ? escalatedTo : governanceBody;
        return holder != null && (holder.equalsIgnoreCase(type.name()) || holder.equalsIgnoreCase(bodyId));
    }
}
