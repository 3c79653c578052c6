package io.entente.governance.domain;

/**
 * The default meeting cadence of a body from the alliance's tier: tier 1 alliances get full management (quarterly
 * JSC, monthly JDC), tier 3 ones the contractual minimum. A body may always set its own cadence.
 */
public final class CadenceRule {

    private CadenceRule() {
    }

    public static Cadence defaultFor(int tier, BodyType type) {
        if (tier < 1 || tier > 3) {
            throw new IllegalArgumentException("tier must be 1, 2 or 3, was " + tier);
        }
        return switch (type) {
            case JSC -> tier == 1 ? Cadence.QUARTERLY : tier == 2 ? Cadence.SEMI_ANNUAL : Cadence.ANNUAL;
            case JDC, JCC -> tier == 1 ? Cadence.MONTHLY : tier == 2 ? Cadence.QUARTERLY : Cadence.SEMI_ANNUAL;
            case FINANCE -> tier == 3 ? Cadence.ANNUAL : Cadence.QUARTERLY;
            case EXECUTIVE_SPONSORS -> tier == 1 ? Cadence.SEMI_ANNUAL : Cadence.ANNUAL;
        };
    }
}
