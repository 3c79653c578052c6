package io.entente.notification.service;

import io.entente.notification.domain.DeliveryMode;
import io.entente.notification.domain.NotificationKind;
import io.entente.notification.domain.Preference;
import jakarta.enterprise.context.ApplicationScoped;

/** How a user wants a kind delivered; immediately unless they chose otherwise. */
@ApplicationScoped
public class PreferenceQueries {

    public DeliveryMode modeOf(String userId, NotificationKind kind) {
        Preference p = Preference.findById(new Preference.Key(userId, kind));
        return p == null ? DeliveryMode.IMMEDIATE : p.mode;
    }
}
