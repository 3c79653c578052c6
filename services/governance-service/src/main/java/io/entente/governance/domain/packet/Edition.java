package io.entente.governance.domain.packet;

/** Who a packet is for: our side (everything), or the partner company (nothing marked {@link io.entente.platform.security.Internal}). */
public enum Edition {
    INTERNAL, PARTNER
}
