package io.entente.backlog.rest;

import io.entente.backlog.service.BacklogItemService;
import io.entente.platform.rest.ETags;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/backlog-items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backlog items")
public class BacklogItemResource {

    private final BacklogItemService items;

    public BacklogItemResource(BacklogItemService items) {
        this.items = items;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Add an item to an alliance's backlog")
    public Response create(@Valid @NotNull BacklogItemRequest request, UriInfo uri) {
        BacklogItemView created = items.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.tag(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Read one backlog item")
    public Response get(@PathParam("id") UUID id) {
        BacklogItemView item = items.get(id);
        return Response.ok(item).tag(ETags.tag(item.version())).build();
    }
}
