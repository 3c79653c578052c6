package io.entente.sprint.rest;

import io.entente.platform.text.FreeText;
import io.entente.sprint.api.TeamRequest;
import io.entente.sprint.api.TeamView;
import io.entente.sprint.api.VelocityView;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.versioning.ETags;
import io.entente.platform.rest.QueryParams;
import io.entente.platform.security.Roles;
import io.entente.sprint.service.ReportService;
import io.entente.sprint.service.HistoryQueries;
import io.entente.platform.audit.ChangeView;
import io.entente.sprint.service.TeamService;
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
import io.entente.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.util.UUID;

@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class TeamResource {

    private final TeamService teams;
    private final ReportService reports;
    private final HistoryQueries histories;

    public TeamResource(TeamService teams, ReportService reports, HistoryQueries histories) {
        this.histories = histories;
        this.teams = teams;
        this.reports = reports;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Set up a specialist team: disciplines, covered alliances, members, WIP limits")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    public RestResponse<TeamView> create(@Valid @NotNull TeamRequest request, UriInfo uri) {
        TeamView team = teams.create(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, team)
                .location(uri.getAbsolutePathBuilder().path(team.id().toString()).build())
                .tag(ETags.tag(team.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Teams by name; filter by discipline served, alliance covered or member")
    public Page<TeamView> list(@QueryParam("discipline") String discipline, @QueryParam("allianceId") String allianceId,
                               @QueryParam("member") String member, @QueryParam("limit") Integer limit,
                               @QueryParam("after") String after) {
        return teams.list(QueryParams.key("discipline", discipline), QueryParams.key("allianceId", allianceId),
                FreeText.orNull(member), Limit.of(limit), after);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "One team")
    public RestResponse<TeamView> get(@PathParam("id") UUID id) {
        TeamView team = teams.get(id);
        return ResponseBuilder.ok(team).tag(ETags.tag(team.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Replace a team's definition (If-Match required); covered alliances you cannot see are kept")
    public RestResponse<TeamView> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @Valid @NotNull TeamRequest request) {
        TeamView team = teams.update(id, ifMatch, request);
        return ResponseBuilder.ok(team).tag(ETags.tag(team.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the team, what and when, newest first (from the audit trail)",
            description = "A team the reader has nothing to do with (no member, no alliance in common) answers 404; "
                    + "covered alliances are left out for a reader who may not see all of them.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("after") String after,
                                    @QueryParam("limit") Integer limit) {
        return histories.team(id, after, limit);
    }

    @GET
    @Path("{id}/velocity")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Committed and completed points of the team's last N closed sprints (default 6, max 26)")
    public VelocityView velocity(@PathParam("id") UUID id, @QueryParam("last") Integer last) {
        int count = last == null ? 6 : last;
        if (count < 1 || count > 26) {
            throw Problems.invalid("last", "must be between 1 and 26");
        }
        return reports.velocity(id, count);
    }
}
