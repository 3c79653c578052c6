package io.entente.sprint.rest;

import io.entente.sprint.api.BoardView;
import io.entente.sprint.api.BurndownView;
import io.entente.sprint.api.CapacityRequest;
import io.entente.sprint.api.SprintListItem;
import io.entente.sprint.api.SprintRequest;
import io.entente.sprint.api.SprintView;
import io.entente.sprint.api.StateChangeRequest;
import io.entente.sprint.api.StateChangeResult;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.versioning.ETags;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.service.BoardQueries;
import io.entente.sprint.service.HistoryQueries;
import io.entente.platform.audit.ChangeView;
import io.entente.sprint.service.ReportService;
import io.entente.sprint.service.SprintLifecycle;
import io.entente.sprint.service.SprintPlanning;
import io.entente.sprint.service.SprintQueries;
import io.entente.sprint.service.Visibility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/**
 * Sprints, their capacity plan, life cycle, board and burndown. Sprints span alliances, so every reader sees every
 * sprint; cards of alliances they may not see come back restricted.
 */
@Path("/api/sprints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sprints")
public class SprintResource {

    private final SprintPlanning planning;
    private final SprintLifecycle lifecycle;
    private final SprintQueries sprints;
    private final BoardQueries board;
    private final ReportService reports;
    private final CurrentUser user;
    private final HistoryQueries histories;

    public SprintResource(SprintPlanning planning, SprintLifecycle lifecycle, SprintQueries sprints,
                          BoardQueries board, ReportService reports, CurrentUser user, HistoryQueries histories) {
        this.histories = histories;
        this.planning = planning;
        this.lifecycle = lifecycle;
        this.sprints = sprints;
        this.board = board;
        this.reports = reports;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Plan a sprint for a team (members of the team or admin); capacity starts from the members")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SprintView.class)))
    public RestResponse<SprintView> plan(@Valid @NotNull SprintRequest request, UriInfo uri) {
        SprintView sprint = planning.plan(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, sprint)
                .location(uri.getAbsolutePathBuilder().path(sprint.id().toString()).build())
                .tag(ETags.tag(sprint.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Sprints, newest first; filter by team and state (PLANNED, ACTIVE, CLOSED)")
    public Page<SprintListItem> list(@QueryParam("teamId") UUID teamId, @QueryParam("state") SprintState state,
                                     @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return sprints.list(teamId, state, Limit.of(limit), after);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "A sprint with its capacity plan, committed points and load by alliance")
    public RestResponse<SprintView> get(@PathParam("id") UUID id) {
        SprintView sprint = sprints.get(id);
        return ResponseBuilder.ok(sprint).tag(ETags.tag(sprint.version())).build();
    }

    @PUT
    @Path("{id}/capacity")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Replace the sprint's capacity plan: members, planned absence days, points per day")
    public RestResponse<SprintView> capacity(@PathParam("id") UUID id,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @Valid @NotNull CapacityRequest request) {
        SprintView sprint = planning.updateCapacity(id, ifMatch, request);
        return ResponseBuilder.ok(sprint).tag(ETags.tag(sprint.version())).build();
    }

    @PUT
    @Path("{id}/state")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Start (state ACTIVE; one active sprint per team) or close (state CLOSED: record velocity, "
            + "send unfinished items to the backlog or the next sprint) a sprint; If-Match required")
    public RestResponse<StateChangeResult> changeState(@PathParam("id") UUID id,
                                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                       @Valid @NotNull StateChangeRequest request) {
        StateChangeResult result = lifecycle.changeState(id, ifMatch, request);
        return ResponseBuilder.ok(result).tag(ETags.tag(result.sprint().version())).build();
    }

    @GET
    @Path("{id}/board")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The board: columns with WIP limits, swimlanes by alliance (default) or assignee, totals")
    public RestResponse<BoardView> board(@PathParam("id") UUID id,
                                         @QueryParam("swimlanes") BoardQueries.Swimlanes swimlanes) {
        BoardView view = board.read(id, swimlanes == null ? BoardQueries.Swimlanes.ALLIANCE : swimlanes,
                Visibility.of(user));
        return ResponseBuilder.ok(view).tag(ETags.tag(view.sprint().version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the sprint and its cards, what and when, newest first (from the audit trail)",
            description = "Cards of alliances the reader may not see are left out; a sprint of a team the reader "
                    + "has nothing to do with (no member, no alliance in common) answers 404.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("after") String after,
                                    @QueryParam("limit") Integer limit) {
        return histories.sprint(id, after, limit);
    }

    @GET
    @Path("{id}/burndown")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Remaining points at the end of each day of the sprint, with the ideal line")
    public BurndownView burndown(@PathParam("id") UUID id) {
        return reports.burndown(id);
    }
}
