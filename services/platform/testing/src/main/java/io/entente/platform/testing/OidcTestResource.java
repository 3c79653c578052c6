package io.entente.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes quarkus-oidc verify bearer tokens locally with the test public key, so that tokens from {@link TestTokens}
 * are accepted and no OIDC server is needed.
 *
 * <p>Returns {@code quarkus.oidc.public-key}, {@code quarkus.oidc.token.issuer} and
 * {@code quarkus.oidc.token.audience}. {@code quarkus.oidc.auth-server-url} can stay as the application sets it:
 * quarkus-oidc 3.32 checks {@code public-key} first and then creates no connection to any server (it logs
 * "'public-key' property for the local token verification is set"); public-key verification needs
 * {@code quarkus.oidc.application-type=service} (the default).
 *
 * <p>Roles: with no {@code quarkus.oidc.roles.role-claim-path}, quarkus-oidc takes the roles from the
 * {@code groups} claim whenever it is present, and only otherwise from {@code realm_access/roles}. Our tokens carry
 * alliance groups, so services must set {@code quarkus.oidc.roles.role-claim-path=realm_access/roles} in their
 * application.properties (for Keycloak as much as for tests); this resource deliberately does not set it.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
