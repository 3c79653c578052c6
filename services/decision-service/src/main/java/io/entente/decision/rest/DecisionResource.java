package io.entente.decision.rest;

import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.domain.RiskState;
import io.entente.decision.service.DecisionService;
import io.entente.decision.service.StakeholderViews;
import io.entente.platform.rest.ETags;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class DecisionResource {

    private final DecisionService decisions;
    private final StakeholderViews views;

    public DecisionResource(DecisionService decisions, StakeholderViews views) {
        this.decisions = decisions;
        this.views = views;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Open a decision (or keep it a draft with \"draft\": true)",
            description = "Opening publishes DecisionOpened; the backlog creates the prep items from it.")
    public Response create(@Valid @NotNull DecisionRequest request, UriInfo uri) {
        DecisionView created = decisions.create(request);
        return created(created, uri.getAbsolutePathBuilder().path(created.id().toString()).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "List decisions in the caller's alliances",
            description = "Keyset pagination: pass nextCursor as 'after'. Sort: dueDate, -dueDate, createdAt, "
                    + "-createdAt (id breaks ties).")
    public DecisionPage list(@QueryParam("alliance") String alliance, @QueryParam("status") String status,
                             @QueryParam("body") String body, @QueryParam("risk") String risk,
                             @QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo,
                             @QueryParam("sort") String sort, @QueryParam("limit") @DefaultValue("50") int limit,
                             @QueryParam("after") String after) {
        return decisions.list(alliance, QueryParams.enumOf(DecisionStatus.class, "status", status),
                QueryParams.enumOf(GovernanceBody.class, "body", body),
                QueryParams.enumOf(RiskState.class, "risk", risk), QueryParams.date("dueFrom", dueFrom),
                QueryParams.date("dueTo", dueTo), sort, limit, after);
    }

    @GET
    @Path("upcoming")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Decisions still to be taken, overdue first, then grouped by ISO week of their due date")
    public UpcomingView upcoming(@QueryParam("alliance") String alliance, @QueryParam("body") String body,
                                 @QueryParam("risk") String risk, @QueryParam("weeks") @DefaultValue("8") int weeks) {
        return views.upcoming(alliance, QueryParams.enumOf(GovernanceBody.class, "body", body),
                QueryParams.enumOf(RiskState.class, "risk", risk), weeks);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Read one decision with its prep progress and risk")
    public Response get(@PathParam("id") UUID id) {
        return ok(decisions.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Edit a draft decision (If-Match required)")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull DecisionRequest request) {
        return ok(decisions.updateDraft(id, ifMatch, request));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Open a draft: publishes DecisionOpened (If-Match required)")
    public Response open(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(decisions.open(id, ifMatch));
    }

    @POST
    @Path("{id}/propose")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Put a recommended option to the approver (If-Match required)")
    public Response propose(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull ActionRequests.Propose request) {
        return ok(decisions.propose(id, ifMatch, request));
    }

    @POST
    @Path("{id}/decide")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Record the outcome with its rationale; the decision becomes final (If-Match required)")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ActionRequests.Decide request) {
        return ok(decisions.decide(id, ifMatch, request));
    }

    @POST
    @Path("{id}/defer")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Move the due date out, with a reason (If-Match required)")
    public Response defer(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull ActionRequests.Defer request) {
        return ok(decisions.defer(id, ifMatch, request));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Withdraw a decision that no longer needs taking (If-Match required)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull ActionRequests.Withdraw request) {
        return ok(decisions.withdraw(id, ifMatch, request));
    }

    @POST
    @Path("{id}/supersede")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Replace a decided decision with a new one that links back (If-Match of the decided one)")
    public Response supersede(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull DecisionRequest request, UriInfo uri) {
        DecisionView created = decisions.supersede(id, ifMatch, request);
        return created(created, uri.getBaseUriBuilder().path("api/decisions").path(created.id().toString()).build());
    }

    private static Response ok(DecisionView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    private static Response created(DecisionView view, java.net.URI location) {
        return Response.created(location).tag(ETags.tag(view.version())).entity(view).build();
    }
}
