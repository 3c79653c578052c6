package io.entente.sprint.rest;

import io.entente.sprint.api.CardView;
import io.entente.sprint.api.CommitRequest;
import io.entente.sprint.api.CommitResult;
import io.entente.sprint.api.MoveRequest;
import io.entente.platform.versioning.ETags;
import io.entente.platform.security.Roles;
import io.entente.sprint.service.BoardMoves;
import io.entente.sprint.service.BoardQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.util.UUID;

/** The cards of one sprint: pull items in, move and assign them, take them out. */
@Path("/api/sprints/{sprintId}/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sprint board")
public class SprintItemResource {

    private final BoardMoves moves;
    private final BoardQueries queries;

    public SprintItemResource(BoardMoves moves, BoardQueries queries) {
        this.moves = moves;
        this.queries = queries;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Commit a backlog item to the sprint; 409 over capacity unless overrideCapacity with a reason")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitResult.class)))
    public RestResponse<CommitResult> commit(@PathParam("sprintId") UUID sprintId,
                                             @Valid @NotNull CommitRequest request, UriInfo uri) {
        CommitResult result = moves.commit(sprintId, request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, result)
                .location(uri.getAbsolutePathBuilder().path(result.card().id()).build())
                .tag(ETags.tag(result.card().version())).build();
    }

    @GET
    @Path("{itemId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "One card")
    public RestResponse<CardView> get(@PathParam("sprintId") UUID sprintId, @PathParam("itemId") UUID itemId) {
        CardView card = queries.card(sprintId, itemId);
        return ResponseBuilder.ok(card).tag(ETags.tag(card.version())).build();
    }

    @PUT
    @Path("{itemId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Move a card to a column and/or assign it (If-Match: the card's ETag); WIP limits hold")
    public RestResponse<CardView> move(@PathParam("sprintId") UUID sprintId, @PathParam("itemId") UUID itemId,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @Valid @NotNull MoveRequest request) {
        CardView card = moves.move(sprintId, itemId, ifMatch, request);
        return ResponseBuilder.ok(card).tag(ETags.tag(card.version())).build();
    }

    @DELETE
    @Path("{itemId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Take a card off an open sprint (If-Match: the card's ETag); the item is a candidate again")
    public RestResponse<Void> remove(@PathParam("sprintId") UUID sprintId, @PathParam("itemId") UUID itemId,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @QueryParam("reason") String reason) {
        moves.remove(sprintId, itemId, ifMatch, reason);
        return RestResponse.noContent();
    }
}
