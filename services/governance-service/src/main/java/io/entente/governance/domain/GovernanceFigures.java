package io.entente.governance.domain;

import io.entente.platform.figures.FigureMath;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The packet and action-item figures of governance health, per committee and quarter (docs/GOVERNANCE-HEALTH.md
 * has the definitions). Days are UTC days where a rule compares dates.
 */
public record GovernanceFigures(Instant now) {

    public static final String PACKET_LEAD_TIME = "packet.lead-time";
    public static final String PACKET_ON_TARGET = "packet.on-target";
    public static final String PACKET_VERSIONS = "packet.versions";
    public static final String ACTION_CLOSURE_TIME = "action-item.closure-time";
    public static final String ACTION_ON_TIME = "action-item.on-time";
    public static final String ACTION_OPEN_PAST_DUE = "action-item.open-past-due";

    /** A committee the figures are kept for, with the packet lead time its alliance's service level sets. */
    public record Committee(String allianceId, UUID id, int targetLeadDays) {
    }

    /** A meeting and when each version of its packet was generated. */
    public record MeetingFacts(UUID bodyId, Instant startsAt, List<Instant> packetsGeneratedAt) {
        public MeetingFacts {
            packetsGeneratedAt = packetsGeneratedAt.stream().sorted().toList();
        }

        List<Instant> beforeMeeting() {
            return packetsGeneratedAt.stream().filter(p -> p.isBefore(startsAt)).toList();
        }
    }

    public record ActionFacts(UUID bodyId, Instant raisedAt, LocalDate dueDate, ActionStatus status,
                              Instant closedAt) {
    }

    /** Every figure of every committee (in the order given) for every quarter. */
    public List<QuarterFigure> compute(List<Committee> committees, List<Quarter> quarters,
                                       List<MeetingFacts> meetings, List<ActionFacts> actions) {
        List<QuarterFigure> figures = new ArrayList<>();
        for (Committee c : committees) {
            List<MeetingFacts> held = meetings.stream().filter(m -> m.bodyId().equals(c.id())).toList();
            List<ActionFacts> raised = actions.stream().filter(a -> a.bodyId().equals(c.id())).toList();
            quarters.forEach(q -> figures.add(leadTime(c, q, held)));
            quarters.forEach(q -> figures.add(onTarget(c, q, held)));
            quarters.forEach(q -> figures.add(versions(c, q, held)));
            quarters.forEach(q -> figures.add(closureTime(c, q, raised)));
            quarters.forEach(q -> figures.add(onTime(c, q, raised)));
            quarters.forEach(q -> figures.add(openPastDue(c, q, raised)));
        }
        return List.copyOf(figures);
    }

    /** Median days from the first packet version to the meeting, of the quarter's meetings that had a packet. */
    QuarterFigure leadTime(Committee c, Quarter q, List<MeetingFacts> meetings) {
        List<Double> days = meetingsIn(q, meetings).stream().filter(m -> !m.beforeMeeting().isEmpty())
                .map(m -> FigureMath.days(m.beforeMeeting().get(0), m.startsAt())).toList();
        return figure(PACKET_LEAD_TIME, "Packet lead time", QuarterFigure.DAYS, q, c,
                FigureMath.round1(FigureMath.median(days)), days.size(), (double) c.targetLeadDays());
    }

    /**
     * Of the quarter's meetings, the share whose first packet went out at least the target's days ahead (by UTC
     * date); a meeting held without a packet missed the target.
     */
    QuarterFigure onTarget(Committee c, Quarter q, List<MeetingFacts> meetings) {
        List<MeetingFacts> held = meetingsIn(q, meetings);
        long onTarget = held.stream().filter(m -> !m.beforeMeeting().isEmpty())
                .filter(m -> ChronoUnit.DAYS.between(day(m.beforeMeeting().get(0)), day(m.startsAt()))
                        >= c.targetLeadDays()).count();
        return figure(PACKET_ON_TARGET, "Packets on target", QuarterFigure.PERCENT, q, c,
                FigureMath.percent(onTarget, held.size()), held.size(), null);
    }

    /** Mean number of packet versions generated before each of the quarter's meetings (none counts as 0). */
    QuarterFigure versions(Committee c, Quarter q, List<MeetingFacts> meetings) {
        List<Double> counts = meetingsIn(q, meetings).stream().map(m -> (double) m.beforeMeeting().size()).toList();
        Double mean = FigureMath.mean(counts);
        return figure(PACKET_VERSIONS, "Packet versions before the meeting", QuarterFigure.RATIO, q, c,
                mean == null ? null : Math.round(mean * 100d) / 100d, counts.size(), null);
    }

    /** Median days from raised to done, of the action items done in the quarter (dropped ones are not closures). */
    QuarterFigure closureTime(Committee c, Quarter q, List<ActionFacts> actions) {
        List<Double> days = actions.stream()
                .filter(a -> a.status() == ActionStatus.DONE && q.contains(a.closedAt()))
                .map(a -> FigureMath.days(a.raisedAt(), a.closedAt())).toList();
        return figure(ACTION_CLOSURE_TIME, "Action item closure time", QuarterFigure.DAYS, q, c,
                FigureMath.round1(FigureMath.median(days)), days.size(), null);
    }

    /**
     * Of the action items due in the quarter whose outcome is known (done, or still open with the due date
     * passed), the share done on or before the due date. Dropped items do not count.
     */
    QuarterFigure onTime(Committee c, Quarter q, List<ActionFacts> actions) {
        LocalDate today = day(now);
        long onTime = 0;
        long sample = 0;
        for (ActionFacts a : actions) {
            if (!q.contains(a.dueDate()) || a.status() == ActionStatus.DROPPED) {
                continue;
            }
            if (a.status() == ActionStatus.DONE && a.closedAt() != null) {
                sample++;
                onTime += day(a.closedAt()).isAfter(a.dueDate()) ? 0 : 1;
            } else if (a.status() == ActionStatus.OPEN && today.isAfter(a.dueDate())) {
                sample++;
            }
        }
        return figure(ACTION_ON_TIME, "Action items closed on time", QuarterFigure.PERCENT, q, c,
                FigureMath.percent(onTime, sample), sample, null);
    }

    /** Action items open at the quarter's end (now, in the current quarter) with their due date passed. */
    QuarterFigure openPastDue(Committee c, Quarter q, List<ActionFacts> actions) {
        long count = 0;
        if (!now.isBefore(q.from())) {
            Instant at = q.endOrNow(now);
            LocalDate atDay = day(at.minusNanos(1));
            count = actions.stream().filter(a -> a.raisedAt().isBefore(at))
                    .filter(a -> a.closedAt() == null ? a.status() == ActionStatus.OPEN : a.closedAt().isAfter(at))
                    .filter(a -> atDay.isAfter(a.dueDate())).count();
        }
        return figure(ACTION_OPEN_PAST_DUE, "Action items open past due", QuarterFigure.COUNT, q, c,
                (double) count, count, null);
    }

    private List<MeetingFacts> meetingsIn(Quarter q, List<MeetingFacts> meetings) {
        return meetings.stream().filter(m -> q.contains(m.startsAt()) && !m.startsAt().isAfter(now)).toList();
    }

    private static QuarterFigure figure(String key, String label, String unit, Quarter q, Committee c, Double value,
                                        long sample, Double target) {
        return new QuarterFigure(key, label, unit, q.toString(), c.allianceId(), c.id().toString(), null, value,
                sample, target);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
