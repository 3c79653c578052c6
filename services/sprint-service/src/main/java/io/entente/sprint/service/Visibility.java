package io.entente.sprint.service;

import io.entente.platform.security.CurrentUser;

import java.util.Set;

/**
 * Which alliances a reader may see. Taken from {@link CurrentUser} at the edge so that read paths can also be driven
 * without an HTTP request (the statement-count guard does).
 */
public record Visibility(boolean all, Set<String> alliances) {

    public static Visibility of(CurrentUser user) {
        return new Visibility(user.isAdmin(), user.alliances());
    }

    public static Visibility everything() {
        return new Visibility(true, Set.of());
    }

    public boolean canSee(String allianceId) {
        return allianceId != null && (all || alliances.contains(allianceId));
    }
}
