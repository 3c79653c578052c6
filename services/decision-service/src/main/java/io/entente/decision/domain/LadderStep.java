package io.entente.decision.domain;

/** One rung of an escalation ladder: the body and the days it has to resolve a matter once it holds it. */
public record LadderStep(GovernanceBody body, int days) {
}
