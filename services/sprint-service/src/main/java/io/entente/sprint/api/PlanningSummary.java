package io.entente.sprint.api;

import java.util.List;

/**
 * Committed work against capacity, and how it is spread over alliances. Counts every item, also those the reader
 * may not see, so that totals are the team's totals.
 *
 * @param remainingPoints committed points not yet done
 * @param unestimatedItems items without an estimate (counted as 0 points)
 */
public record PlanningSummary(int capacityPoints, int committedPoints, int completedPoints, int remainingPoints,
                              int itemCount, int unestimatedItems, boolean overCapacity,
                              List<AllianceLoad> loadByAlliance, List<MemberLoad> loadByMember,
                              List<Warning> warnings) {

    /**
     * One alliance's share of the sprint. An alliance the reader may not see has no key or name, only
     * {@code restricted: true}.
     */
    public record AllianceLoad(String allianceId, String allianceName, boolean restricted, int points, int items,
                               double shareOfCommitted, double shareOfCapacity, boolean concentrated) {
    }

    /**
     * What one member of the sprint's capacity plan holds: points of the cards assigned to them against their own
     * capacity, counted like the team's (done cards included).
     */
    public record MemberLoad(String userId, String displayName, int capacityPoints, int committedPoints, int items,
                             boolean overCapacity) {
    }

    /** @param code OVER_CAPACITY, MEMBER_OVER_CAPACITY, CONCENTRATION or DEPENDENCY */
    public record Warning(String code, String message) {
    }
}
