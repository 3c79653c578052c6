package io.entente.governance.api;

/** The answer was stored; the link is used up. */
public record PulseAnswered(String status, String message) {
}
