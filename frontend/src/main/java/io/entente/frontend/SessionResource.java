package io.entente.frontend;

import io.entente.frontend.security.CsrfGuard;
import io.entente.frontend.security.TokenClaims;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the app needs to know about its user, plus the CSRF token it must echo on changes. The OIDC tokens
 * themselves never leave the server.
 */
@Path("/bff/session")
@Authenticated
public class SessionResource {

    private final SecurityIdentity identity;

    // @IdToken is a field/method qualifier only, so this one is field-injected.
    @Inject
    @IdToken
    JsonWebToken idToken;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @param alliances the alliance keys of the user's {@code alliance:<KEY>} groups */
    public record Session(String user, String name, Set<String> roles, SortedSet<String> alliances,
                          String csrfToken) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response session(@CookieParam(CsrfGuard.COOKIE) String csrfCookie, @Context UriInfo uri) {
        Object name = idToken.getClaim("name");
        SortedSet<String> alliances = new TreeSet<>();
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        if (access != null) {
            alliances.addAll(TokenClaims.alliancesOfJwt(access.getToken()));
        }
        Object groups = idToken.getClaim("groups");
        if (groups instanceof Collection<?> collection) {
            alliances.addAll(TokenClaims.alliances(collection));
        }
        String csrf = csrfCookie == null || csrfCookie.isBlank() ? CsrfGuard.newToken() : csrfCookie;
        Response.ResponseBuilder response = Response.ok(new Session(identity.getPrincipal().getName(),
                        name == null ? null : name.toString(), new TreeSet<>(identity.getRoles()), alliances, csrf))
                .header("Cache-Control", "no-store");
        if (!csrf.equals(csrfCookie)) {
            response.cookie(new NewCookie.Builder(CsrfGuard.COOKIE)
                    .value(csrf)
                    .path("/")
                    .httpOnly(true)
                    .secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
                    .sameSite(NewCookie.SameSite.STRICT)
                    .build());
        }
        return response.build();
    }
}
