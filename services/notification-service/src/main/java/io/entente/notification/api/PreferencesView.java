package io.entente.notification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** The caller's preferences, one per kind (a kind left out of a PUT keeps its mode). */
public record PreferencesView(@NotNull List<@Valid @NotNull PreferenceView> preferences) {
}
