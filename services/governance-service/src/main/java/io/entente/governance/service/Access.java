package io.entente.governance.service;

import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import io.quarkus.security.ForbiddenException;

/**
 * Who may read internal material. Stakeholders include the partner company's people, so they read the partner
 * edition only; everyone on our side of an alliance may read the internal one.
 */
public final class Access {

    private Access() {
    }

    public static boolean internalReader(CurrentUser user) {
        return user.isAdmin() || user.hasRole(Roles.ALLIANCE_MANAGER) || user.hasRole(Roles.GOVERNANCE_OPS)
                || user.hasRole(Roles.TEAM_MEMBER);
    }

    public static void requireInternalReader(CurrentUser user) {
        if (!internalReader(user)) {
            throw new ForbiddenException("the internal edition is not available to your role");
        }
    }
}
