package io.entente.governance.service;

import io.entente.governance.domain.BodyType;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import io.quarkus.security.ForbiddenException;

import java.util.Arrays;
import java.util.List;

/**
 * Who may read internal material. Everyone on our side of an alliance, our stakeholders included, reads the internal
 * edition; the partner company's people ({@link Roles#PARTNER}) read the partner edition of the joint bodies only.
 */
public final class Access {

    /** The bodies the partner company sits on (see {@link BodyType#joint()}). */
    static final List<BodyType> JOINT = Arrays.stream(BodyType.values()).filter(BodyType::joint).toList();

    private Access() {
    }

    public static boolean internalReader(CurrentUser user) {
        return !user.isPartner();
    }

    public static void requireInternalReader(CurrentUser user) {
        if (!internalReader(user)) {
            throw new ForbiddenException("the internal edition is not available to your role");
        }
    }

    /** Whether the caller may see a body of this kind at all: a partner sees only the joint ones. */
    public static boolean canSeeBody(CurrentUser user, BodyType type) {
        return internalReader(user) || type.joint();
    }
}
