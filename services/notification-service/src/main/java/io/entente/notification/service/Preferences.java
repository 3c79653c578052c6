package io.entente.notification.service;

import io.entente.notification.api.PreferenceView;
import io.entente.notification.api.PreferencesView;
import io.entente.notification.domain.NotificationKind;
import io.entente.notification.domain.Preference;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Arrays;

/** The caller's own delivery preferences; nobody reads or sets another user's. */
@ApplicationScoped
@Transactional
public class Preferences {

    private final CurrentUser user;
    private final PreferenceQueries queries;
    private final ChangeLog changes;

    public Preferences(CurrentUser user, PreferenceQueries queries, ChangeLog changes) {
        this.user = user;
        this.queries = queries;
        this.changes = changes;
    }

    public PreferencesView mine() {
        return new PreferencesView(Arrays.stream(NotificationKind.values())
                .map(kind -> new PreferenceView(kind, queries.modeOf(user.id(), kind))).toList());
    }

    public PreferencesView update(PreferencesView request) {
        PreferencesView before = mine();
        for (PreferenceView wanted : request.preferences()) {
            Preference p = Preference.findById(new Preference.Key(user.id(), wanted.kind()));
            if (p == null) {
                Preference.of(user.id(), wanted.kind(), wanted.mode()).persist();
            } else {
                p.mode = wanted.mode();
            }
        }
        PreferencesView after = mine();
        changes.auditOnly("NotificationPreferencesChanged", "notification-preferences", user.id(), null, before,
                after);
        return after;
    }
}
