package io.entente.governance.api;

/** How many of the meeting's open survey links were withdrawn. */
public record PulseRevocationView(int revoked) {
}
