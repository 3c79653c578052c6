package io.entente.backlog.domain;

/** Likelihood (1-5) times impact (1-5), judged against the alliance's threshold. */
public record RiskRating(int likelihood, int impact) {

    public RiskRating {
        if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5) {
            throw new IllegalArgumentException("likelihood and impact run from 1 to 5");
        }
    }

    public int score() {
        return likelihood * impact;
    }

    /** "Over threshold" means at or above it: a threshold of 12 flags a 3 x 4. */
    public boolean atOrAbove(int threshold) {
        return score() >= threshold;
    }

    /** True when a change of rating moves the risk from under the threshold to at or over it. */
    public static boolean crossesUp(Integer previousScore, int newScore, int threshold) {
        return newScore >= threshold && (previousScore == null || previousScore < threshold);
    }
}
