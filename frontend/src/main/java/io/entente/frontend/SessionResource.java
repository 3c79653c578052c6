package io.entente.frontend;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** What the app needs to know about its user. The tokens themselves never leave the server. */
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

    public record Session(String user, String name, Set<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Session session() {
        Object name = idToken.getClaim("name");
        return new Session(identity.getPrincipal().getName(), name == null ? null : name.toString(),
                identity.getRoles());
    }
}
