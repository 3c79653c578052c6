package io.entente.decision.domain;

/** One option put to the decision makers, with its pros and cons. */
public record DecisionOption(String key, String title, String pros, String cons) {
}
