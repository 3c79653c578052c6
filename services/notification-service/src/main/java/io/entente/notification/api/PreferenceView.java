package io.entente.notification.api;

import io.entente.notification.domain.DeliveryMode;
import io.entente.notification.domain.NotificationKind;
import jakarta.validation.constraints.NotNull;

/** One kind and how the caller wants it delivered. */
public record PreferenceView(@NotNull NotificationKind kind, @NotNull DeliveryMode mode) {
}
