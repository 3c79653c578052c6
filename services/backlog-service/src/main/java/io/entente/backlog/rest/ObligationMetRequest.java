package io.entente.backlog.rest;

import java.time.LocalDate;

/** {@code metOn} defaults to today. */
public record ObligationMetRequest(LocalDate metOn) {
}
