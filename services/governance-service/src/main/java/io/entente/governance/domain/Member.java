package io.entente.governance.domain;

/** A seat on a governance body. */
public record Member(String name, String organisation, Side side, MemberRole role, String email) {
}
