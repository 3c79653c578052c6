package io.entente.decision.rest;

import java.util.List;

/** One page of decisions; pass {@code nextCursor} as {@code after} for the next one (null on the last page). */
public record DecisionPage(List<DecisionView> items, String nextCursor) {
}
