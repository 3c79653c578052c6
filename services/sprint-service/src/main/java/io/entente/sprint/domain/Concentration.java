package io.entente.sprint.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The partner-concentration rule practitioners use: no single alliance should take more than a third of what a team
 * has committed to in a sprint. A team that depends on one partner is fragile, and so is that partner's alliance.
 */
public final class Concentration {

    private Concentration() {
    }

    /**
     * @param allianceId  the alliance key
     * @param points      points committed to it
     * @param items       number of its items
     * @param shareOfCommitted its share of the sprint's committed points (0..1)
     * @param shareOfCapacity  its share of the team's capacity (0..1, may exceed 1 when over capacity)
     * @param concentrated     more than a third of the committed points
     */
    public record Load(String allianceId, int points, int items, double shareOfCommitted, double shareOfCapacity,
                       boolean concentrated) {
    }

    /** A tally per alliance, largest first. */
    public static List<Load> loads(Map<String, int[]> pointsAndItemsByAlliance, int capacityPoints) {
        int committed = pointsAndItemsByAlliance.values().stream().mapToInt(v -> v[0]).sum();
        List<Load> loads = new ArrayList<>();
        pointsAndItemsByAlliance.forEach((alliance, tally) -> loads.add(new Load(alliance, tally[0], tally[1],
                ratio(tally[0], committed), ratio(tally[0], capacityPoints),
                isConcentrated(tally[0], committed))));
        loads.sort(Comparator.comparingInt(Load::points).reversed().thenComparing(Load::allianceId));
        return loads;
    }

    /** More than a third: 3 x points > committed, in integers so that 10 of 30 is not flagged. */
    public static boolean isConcentrated(int points, int committed) {
        return committed > 0 && 3L * points > committed;
    }

    private static double ratio(int part, int whole) {
        return whole <= 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }
}
