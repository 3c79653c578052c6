package io.entente.governance.domain.packet;

/** Who a packet is for: our side (everything), or the partner company (nothing marked {@link InternalOnly}). */
public enum Edition {
    INTERNAL, PARTNER
}
