package io.entente.decision.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Whether an open decision is being prepared ahead of its due date. Preparation must be done by the prep deadline
 * (due date minus lead time); as that date approaches, work that is not even in a sprint will not make it.
 *
 * @param state  the risk state
 * @param reason why, in words a stakeholder understands
 */
public record RiskAssessment(RiskState state, String reason) {

    /** A prep item as far as risk is concerned; dropped items are not passed in. */
    public record Prep(boolean done, boolean inSprint) {
    }

    /**
     * @param approachDays how close the prep deadline must be before unscheduled prep work counts as a risk
     */
    public static RiskAssessment assess(LocalDate today, LocalDate dueDate, int leadTimeDays, List<Prep> prep,
                                        int approachDays) {
        LocalDate prepDeadline = dueDate.minusDays(leadTimeDays);
        int total = prep.size();
        int done = (int) prep.stream().filter(Prep::done).count();
        int notDone = total - done;
        long inSprint = prep.stream().filter(p -> !p.done() && p.inSprint()).count();
        long daysToPrep = ChronoUnit.DAYS.between(today, prepDeadline);

        if (today.isAfter(dueDate)) {
            String prepState = total == 0 ? "no prep items" : notDone == 0 ? "all " + total + " prep items done"
                    : notDone + " of " + total + " prep items not done";
            return new RiskAssessment(RiskState.OVERDUE,
                    "due " + dueDate + " " + ago(ChronoUnit.DAYS.between(dueDate, today)) + " and not decided; "
                            + prepState);
        }
        String deadline = "prep deadline " + prepDeadline + " " + relative(daysToPrep);
        if (total == 0) {
            if (daysToPrep < 0 || daysToPrep <= approachDays) {
                return new RiskAssessment(RiskState.AT_RISK, "no prep items yet, " + deadline + "; none in a sprint");
            }
            return new RiskAssessment(RiskState.ON_TRACK, "no prep items yet; " + deadline);
        }
        if (notDone == 0) {
            return new RiskAssessment(RiskState.ON_TRACK, "all " + total + " prep items done");
        }
        String progress = notDone + " of " + total + " prep items not done";
        if (daysToPrep < 0) {
            return new RiskAssessment(RiskState.AT_RISK, progress + ", " + deadline + inSprintNote(inSprint, notDone));
        }
        if (daysToPrep <= approachDays && inSprint == 0) {
            return new RiskAssessment(RiskState.AT_RISK, progress + ", " + deadline + "; none in a sprint");
        }
        return new RiskAssessment(RiskState.ON_TRACK, progress + ", " + deadline + inSprintNote(inSprint, notDone));
    }

    private static String inSprintNote(long inSprint, int notDone) {
        if (inSprint == 0) {
            return "; none in a sprint";
        }
        return inSprint == notDone ? "; all in a sprint" : "; " + inSprint + " in a sprint";
    }

    private static String relative(long days) {
        if (days == 0) {
            return "is today";
        }
        if (days > 0) {
            return "in " + days + (days == 1 ? " day" : " days");
        }
        return "passed " + ago(-days);
    }

    private static String ago(long days) {
        return days == 1 ? "1 day ago" : days + " days ago";
    }
}
