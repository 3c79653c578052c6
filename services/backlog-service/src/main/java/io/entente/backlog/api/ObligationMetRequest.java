package io.entente.backlog.api;

import java.time.LocalDate;

/** {@code metOn} defaults to today. */
public record ObligationMetRequest(LocalDate metOn) {
}
