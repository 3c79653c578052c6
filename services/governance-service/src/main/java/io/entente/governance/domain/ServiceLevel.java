package io.entente.governance.domain;

import io.entente.governance.domain.packet.PacketDepth;

/**
 * What an alliance's tier means for its governance, in one place: the default meeting cadence ({@link CadenceRule}),
 * how deep its packets go and how early they are generated. Tier 1 gets the full pre-read early enough to read it;
 * tier 3 a one-page summary. An alliance whose tier is not known yet is treated as tier 2.
 */
public final class ServiceLevel {

    private ServiceLevel() {
    }

    public static PacketDepth packetDepth(Integer tier) {
        return tier != null && tier == 3 ? PacketDepth.SUMMARY : PacketDepth.FULL;
    }

    /**
     * Days before the meeting the packet is generated; {@code norm} (configured, a week) is tier 2's. Tier 1's full
     * pre-read comes three days earlier, tier 3's one page two days later.
     */
    public static int packetLeadDays(Integer tier, int norm) {
        if (tier == null || tier == 2) {
            return norm;
        }
        return tier == 1 ? norm + 3 : Math.max(1, norm - 2);
    }

    public static int longestPacketLeadDays(int norm) {
        return norm + 3;
    }

    public static Cadence defaultCadence(int tier, BodyType type) {
        return CadenceRule.defaultFor(tier, type);
    }
}
