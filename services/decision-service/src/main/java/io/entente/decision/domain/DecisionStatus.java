package io.entente.decision.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a decision is in its life. A decided or withdrawn decision is final: it is never edited again, a changed
 * mind is a new decision that supersedes it.
 */
public enum DecisionStatus {
    DRAFT, OPEN, PROPOSED, DECIDED, DEFERRED, ESCALATED, WITHDRAWN;

    private static final Map<DecisionStatus, Set<DecisionStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(OPEN, WITHDRAWN),
            OPEN, EnumSet.of(PROPOSED, DECIDED, DEFERRED, ESCALATED, WITHDRAWN),
            PROPOSED, EnumSet.of(PROPOSED, DECIDED, DEFERRED, ESCALATED, WITHDRAWN),
            ESCALATED, EnumSet.of(PROPOSED, DECIDED, DEFERRED, ESCALATED, WITHDRAWN),
            DEFERRED, EnumSet.of(PROPOSED, DECIDED, DEFERRED, ESCALATED, WITHDRAWN),
            DECIDED, EnumSet.noneOf(DecisionStatus.class),
            WITHDRAWN, EnumSet.noneOf(DecisionStatus.class));

    public boolean canMoveTo(DecisionStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    /** Still to be decided: has a due date that matters, a risk state, and may escalate. */
    public boolean isActive() {
        return this == OPEN || this == PROPOSED || this == ESCALATED || this == DEFERRED;
    }

    public boolean isFinal() {
        return this == DECIDED || this == WITHDRAWN;
    }

    public static Set<DecisionStatus> active() {
        return EnumSet.of(OPEN, PROPOSED, ESCALATED, DEFERRED);
    }
}
