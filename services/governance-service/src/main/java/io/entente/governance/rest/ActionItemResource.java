package io.entente.governance.rest;

import io.entente.governance.api.ActionItemView;
import io.entente.governance.domain.ActionStatus;
import io.entente.governance.service.ActionItemService;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Action items from minutes. They are worked as backlog items; their status follows the backlog. */
@Path("/api/action-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Action items")
public class ActionItemResource {

    private final ActionItemService actions;

    public ActionItemResource(ActionItemService actions) {
        this.actions = actions;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "List action items by due date (sort=dueDate or -dueDate); filter by alliance, meeting, "
            + "status and owner")
    public Page<ActionItemView> list(@QueryParam("allianceId") String allianceId,
                                     @QueryParam("meetingId") UUID meetingId,
                                     @QueryParam("status") ActionStatus status, @QueryParam("owner") String owner,
                                     @QueryParam("sort") String sort, @QueryParam("limit") Integer limit,
                                     @QueryParam("after") String after) {
        return actions.list(allianceId, meetingId, status, owner, sort, Limit.of(limit), after);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Read one action item")
    public ActionItemView get(@PathParam("id") UUID id) {
        return actions.get(id);
    }

    @POST
    @Path("{id}/done")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "The owner reports their action item done (publishes ActionItemReportedDone); the backlog "
            + "item that carries it is closed and the status follows. 403 for anyone but the owner, 409 unless OPEN")
    public ActionItemView reportDone(@PathParam("id") UUID id) {
        return actions.reportDone(id);
    }
}
