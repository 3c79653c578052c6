package io.entente.decision.domain;

import java.util.Arrays;
import java.util.List;

/** The bodies that can hold a decision right, from a subcommittee up to the executive sponsors. */
public enum GovernanceBody {
    JSC, JDC, JCC, FINANCE, EXECUTIVE_SPONSORS;

    /** The bodies the partner company sits on (as governance-service's BodyType says the same). */
    public static final List<GovernanceBody> JOINT = Arrays.stream(values()).filter(GovernanceBody::joint).toList();

    /**
     * Whether the partner company sits on it: the joint committees and their subcommittees do; our executive
     * sponsors, the top of our side's escalation ladder, are internal. A decision is the partner's to see only while
     * both the body holding the right and the one holding it now are joint.
     */
    public boolean joint() {
        return this != EXECUTIVE_SPONSORS;
    }
}
