package io.entente.governance.service;

import io.entente.events.governance.MeetingEvent.Invitee;
import io.entente.governance.domain.Attendee;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.Editions;
import io.entente.governance.domain.packet.PacketComparison;
import io.entente.governance.domain.packet.PacketComparison.SectionDiff;
import io.entente.governance.domain.packet.PacketContent;

import java.util.ArrayList;
import java.util.List;

/**
 * What a meeting's events tell the people who must hear about it: who is invited (only those with a user id can be
 * notified) and, for a new packet version, what changed since the previous one, per edition, so that the partner's
 * summary is computed from the partner edition and cannot name what only our side sees.
 */
final class MeetingNews {

    private MeetingNews() {
    }

    static List<Invitee> invitees(Meeting meeting) {
        List<Invitee> invitees = new ArrayList<>();
        for (Attendee a : meeting.attendees()) {
            if (a.user() != null && !a.user().isBlank()) {
                invitees.add(new Invitee(a.user(), a.side() == null ? "US" : a.side().name()));
            }
        }
        return invitees;
    }

    /** One line per section that changed ("decisions: 1 added, 2 changed"); the first version: nothing to compare. */
    static List<String> changes(PacketContent before, PacketContent after, Edition edition) {
        if (before == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (SectionDiff diff : PacketComparison.compare(Editions.tree(before, edition), Editions.tree(after, edition))) {
            List<String> parts = new ArrayList<>();
            if (!diff.added().isEmpty()) {
                parts.add(diff.added().size() + " added");
            }
            if (!diff.changed().isEmpty()) {
                parts.add(diff.changed().size() + " changed");
            }
            if (!diff.removed().isEmpty()) {
                parts.add(diff.removed().size() + " removed");
            }
            lines.add(diff.section() + ": " + String.join(", ", parts));
        }
        return lines;
    }
}
