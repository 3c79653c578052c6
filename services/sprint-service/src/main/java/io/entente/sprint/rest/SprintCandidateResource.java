package io.entente.sprint.rest;

import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import io.entente.sprint.domain.BacklogItemCopy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/sprint-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sprint candidates")
public class SprintCandidateResource {

    private final CurrentUser user;

    public SprintCandidateResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Path("{itemId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "A backlog item as known to the sprint service (from backlog events)")
    public SprintCandidateView get(@PathParam("itemId") UUID itemId) {
        BacklogItemCopy copy = BacklogItemCopy.findById(itemId);
        if (copy == null || copy.dropped || !user.canSee(copy.allianceId)) {
            throw Problems.notFound("backlog item", itemId);
        }
        return SprintCandidateView.of(copy);
    }
}
