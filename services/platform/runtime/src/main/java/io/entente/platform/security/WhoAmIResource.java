package io.entente.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;
import java.util.TreeSet;

/** Who the caller is as this service sees them: lets a client (and a test) check roles and alliance membership. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class WhoAmIResource {

    private final CurrentUser user;

    public WhoAmIResource(CurrentUser user) {
        this.user = user;
    }

    public record Me(String id, String name, Set<String> roles, Set<String> alliances, boolean admin) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "The caller's id, roles and alliance memberships")
    public Me me() {
        Set<String> roles = new TreeSet<>();
        for (String role : new String[]{Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS,
                Roles.STAKEHOLDER, Roles.PARTNER}) {
            if (user.hasRole(role)) {
                roles.add(role);
            }
        }
        return new Me(user.id(), user.displayName(), roles, user.alliances(), user.isAdmin());
    }
}
