package io.entente.decision.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The escalation path from an alliance's governance charter, lowest body first. */
public final class EscalationLadder {

    /** What a charter typically says when an alliance has not set its own: JDC, then JSC, then the sponsors. */
    public static final List<LadderStep> DEFAULT = List.of(
            new LadderStep(GovernanceBody.JDC, 10),
            new LadderStep(GovernanceBody.JSC, 15),
            new LadderStep(GovernanceBody.EXECUTIVE_SPONSORS, 10));

    public static final int MAX_DAYS = 180;

    private EscalationLadder() {
    }

    /**
     * The step above the body holding a matter. A body that is not on the ladder (a finance subcommittee under a
     * JDC/JSC ladder) hands over to the ladder's first step; the top of the ladder has nowhere to go.
     */
    public static Optional<LadderStep> nextAbove(List<LadderStep> ladder, GovernanceBody holder) {
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).body() == holder) {
                return i + 1 < ladder.size() ? Optional.of(ladder.get(i + 1)) : Optional.empty();
            }
        }
        return ladder.isEmpty() ? Optional.empty() : Optional.of(ladder.get(0));
    }

    /** Null when the ladder is usable, otherwise what is wrong with it. */
    public static String problemWith(List<LadderStep> ladder) {
        if (ladder == null || ladder.isEmpty()) {
            return "a ladder needs at least one step";
        }
        Set<GovernanceBody> seen = EnumSet.noneOf(GovernanceBody.class);
        for (int i = 0; i < ladder.size(); i++) {
            LadderStep step = ladder.get(i);
            if (step == null || step.body() == null) {
                return "step " + (i + 1) + " names no body";
            }
            if (step.days() < 1 || step.days() > MAX_DAYS) {
                return "step " + (i + 1) + " (" + step.body() + "): days must be between 1 and " + MAX_DAYS;
            }
            if (!seen.add(step.body())) {
                return step.body() + " appears twice; a matter cannot escalate to a body that already held it";
            }
        }
        return null;
    }
}
