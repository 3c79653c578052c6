package io.entente.notification.service;

import io.entente.notification.domain.Recipient;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Set;

/**
 * The users' directory, learnt from each user's own token when they call the service: the identity provider is
 * the only source of mail addresses and memberships, and this needs no admin credentials for Keycloak. A user who
 * never opened the app gets in-app notifications but no mail until then.
 */
@ApplicationScoped
public class Recipients {

    private final CurrentUser user;
    private final JsonWebToken token;
    private final Clock clock;

    public Recipients(CurrentUser user, JsonWebToken token, Clock clock) {
        this.user = user;
        this.token = token;
        this.clock = clock;
    }

    @Transactional
    public void learnCaller() {
        Object claim = token.getClaim("email");
        String email = claim == null ? null : claim.toString().replace("\"", "");
        Set<String> alliances = user.alliances();
        Recipient known = Recipient.findById(user.id());
        if (known == null) {
            known = new Recipient();
            known.userId = user.id();
            known.describe(email, alliances, user.isAdmin(), user.isPartner(), clock.instant());
            known.persist();
        } else if (known.differs(email, alliances, user.isAdmin(), user.isPartner())) {
            known.describe(email, alliances, user.isAdmin(), user.isPartner(), clock.instant());
        }
    }
}
