package io.entente.governance.service;

import io.entente.governance.api.MeetingView;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;

import java.time.Clock;
import java.time.Instant;

/** What every change of a meeting does last. */
final class Meetings {

    private Meetings() {
    }

    /** Stamps and flushes the change, and returns the full view for the audit trail (the version is bumped). */
    static MeetingView saved(Meeting meeting, GovernanceBody body, Clock clock) {
        meeting.updatedAt = Instant.now(clock);
        meeting.flush();
        return MeetingView.of(meeting, body, true);
    }
}
