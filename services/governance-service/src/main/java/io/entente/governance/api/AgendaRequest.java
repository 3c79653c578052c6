package io.entente.governance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record AgendaRequest(@NotNull @Size(max = 60) List<@NotNull @Valid AgendaItemRequest> items) {
}
