package io.entente.sprint.api;

/**
 * An alliance manager (a user named as some alliance's manager, or one whose capacity was set).
 *
 * @param hoursPerMonth hours a month for alliance work; {@link #defaulted} when nobody set it (120)
 * @param alliances     how many alliances, in any phase but closed, name them as manager
 * @param version       the ETag a capacity change must name (0 while defaulted)
 */
public record AllianceManagerView(String id, int hoursPerMonth, boolean defaulted, int alliances, long version) {
}
