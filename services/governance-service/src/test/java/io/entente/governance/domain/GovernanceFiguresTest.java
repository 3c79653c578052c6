package io.entente.governance.domain;

import io.entente.governance.domain.GovernanceFigures.ActionFacts;
import io.entente.governance.domain.GovernanceFigures.Committee;
import io.entente.governance.domain.GovernanceFigures.MeetingFacts;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Packet and action-item figures of one committee on a known scenario, asked on 6 December 2026. */
class GovernanceFiguresTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final UUID JSC = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final Committee COMMITTEE = new Committee("ONC-HELIX", JSC, 7);

    static final List<MeetingFacts> MEETINGS = List.of(
            // first version 8 days ahead, a second before and a third after the meeting
            new MeetingFacts(JSC, t("2026-07-10T09:00:00Z"), List.of(t("2026-07-08T09:00:00Z"),
                    t("2026-07-02T09:00:00Z"), t("2026-07-10T12:00:00Z"))),
            // 3.5 days ahead: off target
            new MeetingFacts(JSC, t("2026-08-10T09:00:00Z"), List.of(t("2026-08-06T21:00:00Z"))),
            // held without a packet
            new MeetingFacts(JSC, t("2026-09-10T09:00:00Z"), List.of()),
            // not held yet
            new MeetingFacts(JSC, t("2026-12-20T09:00:00Z"), List.of(t("2026-12-05T09:00:00Z"))));

    static final List<ActionFacts> ACTIONS = List.of(
            action("2026-07-10T09:00:00Z", "2026-07-31", ActionStatus.DONE, "2026-07-20T21:00:00Z"),
            action("2026-07-10T09:00:00Z", "2026-08-15", ActionStatus.DONE, "2026-10-10T09:00:00Z"),
            action("2026-08-10T09:00:00Z", "2026-09-15", ActionStatus.OPEN, null),
            action("2026-09-10T09:00:00Z", "2026-09-20", ActionStatus.DROPPED, "2026-09-25T09:00:00Z"),
            action("2026-11-01T09:00:00Z", "2026-12-31", ActionStatus.OPEN, null));

    final List<QuarterFigure> figures = new GovernanceFigures(NOW).compute(List.of(COMMITTEE),
            List.of(Quarter.parse("2026-Q3"), Quarter.parse("2026-Q4")), MEETINGS, ACTIONS);

    @Test
    void packetLeadTimeIsTheMedianFromTheFirstVersionWithTheServiceLevelTarget() {
        QuarterFigure q3 = assertFigure(GovernanceFigures.PACKET_LEAD_TIME, "2026-Q3", 5.8, 2);
        assertEquals(7.0, q3.target());
        assertEquals(JSC.toString(), q3.committeeId());
        assertEquals("ONC-HELIX", q3.allianceKey());
        assertFigure(GovernanceFigures.PACKET_LEAD_TIME, "2026-Q4", null, 0);
    }

    @Test
    void aMeetingWithoutAPacketIsOffTarget() {
        assertFigure(GovernanceFigures.PACKET_ON_TARGET, "2026-Q3", 33.3, 3);
        assertNull(find(GovernanceFigures.PACKET_ON_TARGET, "2026-Q3").target());
    }

    @Test
    void versionsCountOnlyThoseBeforeTheMeeting() {
        assertFigure(GovernanceFigures.PACKET_VERSIONS, "2026-Q3", 1.0, 3);
        assertFigure(GovernanceFigures.PACKET_VERSIONS, "2026-Q4", null, 0);
    }

    @Test
    void closureTimeIsByTheQuarterOfClosing() {
        assertFigure(GovernanceFigures.ACTION_CLOSURE_TIME, "2026-Q3", 10.5, 1);
        assertFigure(GovernanceFigures.ACTION_CLOSURE_TIME, "2026-Q4", 92.0, 1);
    }

    @Test
    void onTimeIsOfTheItemsDueWhoseOutcomeIsKnown() {
        assertFigure(GovernanceFigures.ACTION_ON_TIME, "2026-Q3", 33.3, 3);
        assertFigure(GovernanceFigures.ACTION_ON_TIME, "2026-Q4", null, 0);
    }

    @Test
    void openPastDueIsTakenAtQuarterEndOrNow() {
        assertFigure(GovernanceFigures.ACTION_OPEN_PAST_DUE, "2026-Q3", 2.0, 2);
        assertFigure(GovernanceFigures.ACTION_OPEN_PAST_DUE, "2026-Q4", 1.0, 1);
    }

    private QuarterFigure assertFigure(String figure, String quarter, Double value, long sample) {
        QuarterFigure f = find(figure, quarter);
        assertEquals(value, f.value(), figure + " " + quarter);
        assertEquals(sample, f.sampleSize(), figure + " " + quarter + " sample");
        return f;
    }

    private QuarterFigure find(String figure, String quarter) {
        return figures.stream().filter(f -> f.figure().equals(figure) && f.quarter().equals(quarter)).findFirst()
                .orElseThrow();
    }

    private static ActionFacts action(String raised, String due, ActionStatus status, String closed) {
        return new ActionFacts(JSC, t(raised), LocalDate.parse(due), status, closed == null ? null : t(closed));
    }

    private static Instant t(String text) {
        return Instant.parse(text);
    }
}
