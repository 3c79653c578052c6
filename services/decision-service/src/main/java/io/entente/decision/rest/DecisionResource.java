package io.entente.decision.rest;

import io.entente.decision.api.ActionRequests;
import io.entente.decision.api.DecisionQuery;
import io.entente.decision.api.DecisionRequest;
import io.entente.decision.api.DecisionView;
import io.entente.decision.api.UpcomingQuery;
import io.entente.decision.api.UpcomingView;
import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.domain.RiskState;
import io.entente.decision.service.DecisionDrafting;
import io.entente.decision.service.DecisionLifecycle;
import io.entente.decision.service.DecisionQueries;
import io.entente.decision.service.StakeholderViews;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.Page;
import io.entente.platform.text.FreeText;
import io.entente.platform.versioning.ETags;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class DecisionResource {

    private final DecisionDrafting drafting;
    private final DecisionLifecycle lifecycle;
    private final DecisionQueries queries;
    private final StakeholderViews views;

    public DecisionResource(DecisionDrafting drafting, DecisionLifecycle lifecycle, DecisionQueries queries,
                            StakeholderViews views) {
        this.drafting = drafting;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.views = views;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Open a decision (or keep it a draft with \"draft\": true)",
            description = "Opening publishes DecisionOpened; the backlog creates the prep items from it.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    public RestResponse<DecisionView> create(@Valid @NotNull DecisionRequest request, UriInfo uri) {
        DecisionView created = drafting.create(request);
        return created(created, uri.getAbsolutePathBuilder().path(created.id().toString()).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "List decisions in the caller's alliances",
            description = "Keyset pagination: pass the page's 'next' as 'after' for the following page (null on the "
                    + "last). Sort: dueDate, -dueDate, createdAt, -createdAt (id breaks ties).")
    public Page<DecisionView> list(@QueryParam("allianceId") String allianceId,
                                   @QueryParam("status") DecisionStatus status,
                                   @QueryParam("body") GovernanceBody body, @QueryParam("risk") RiskState risk,
                                   @Parameter(description = "'me': only decisions naming the caller in their DACI")
                                   @QueryParam("involving") String involving,
                                   @QueryParam("dueFrom") LocalDate dueFrom, @QueryParam("dueTo") LocalDate dueTo,
                                   @QueryParam("sort") String sort, @QueryParam("limit") Integer limit,
                                   @QueryParam("after") String after) {
        return queries.list(new DecisionQuery(allianceId, status, body, risk, involving, dueFrom, dueTo, sort, limit,
                after));
    }

    @GET
    @Path("upcoming")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Decisions still to be taken, overdue first, then grouped by ISO week of their due date")
    public UpcomingView upcoming(@QueryParam("allianceId") String allianceId,
                                 @QueryParam("body") GovernanceBody body, @QueryParam("risk") RiskState risk,
                                 @QueryParam("weeks") @DefaultValue("8") int weeks) {
        return views.upcoming(new UpcomingQuery(allianceId, body, risk, weeks));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Read one decision with its prep progress and risk")
    public RestResponse<DecisionView> get(@PathParam("id") UUID id) {
        return ok(queries.get(id));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the decision, what and when, newest first (from the audit trail)",
            description = "field=dueDate (or any field of the decision): only that field's changes, creation "
                    + "included. Internal notes are left out for readers who may not see them.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("field") String field,
                                    @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return queries.history(id, FreeText.orNull(field), after, limit);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Edit a draft decision (If-Match required)")
    public RestResponse<DecisionView> update(@PathParam("id") UUID id,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @Valid @NotNull DecisionRequest request) {
        return ok(drafting.updateDraft(id, ifMatch, request));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Open a draft: publishes DecisionOpened (If-Match required)")
    public RestResponse<DecisionView> open(@PathParam("id") UUID id,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(lifecycle.open(id, ifMatch));
    }

    @POST
    @Path("{id}/propose")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Put a recommended option to the approver (If-Match required)")
    public RestResponse<DecisionView> propose(@PathParam("id") UUID id,
                                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                              @Valid @NotNull ActionRequests.Propose request) {
        return ok(lifecycle.propose(id, ifMatch, request));
    }

    @POST
    @Path("{id}/decide")
    // Any role may be named approver (an executive sponsor often is a stakeholder); the service checks who it is.
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Record the outcome with its rationale; the decision becomes final (If-Match required)",
            description = "Only the approver decides: the user named user:<username>, or for a body:<id> approver "
                    + "governance ops recording the committee's decision. Anyone else gets 403 not-the-approver.")
    @APIResponse(responseCode = "403", description = "The caller is not the approver")
    public RestResponse<DecisionView> decide(@PathParam("id") UUID id,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @Valid @NotNull ActionRequests.Decide request) {
        return ok(lifecycle.decide(id, ifMatch, request));
    }

    @POST
    @Path("{id}/defer")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Move the due date out, with a reason (If-Match required)")
    public RestResponse<DecisionView> defer(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull ActionRequests.Defer request) {
        return ok(lifecycle.defer(id, ifMatch, request));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Withdraw a decision that no longer needs taking (If-Match required)")
    public RestResponse<DecisionView> withdraw(@PathParam("id") UUID id,
                                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                               @Valid @NotNull ActionRequests.Withdraw request) {
        return ok(lifecycle.withdraw(id, ifMatch, request));
    }

    @POST
    @Path("{id}/supersede")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Replace a decided decision with a new one that links back (If-Match of the decided one)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    public RestResponse<DecisionView> supersede(@PathParam("id") UUID id,
                                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Valid @NotNull DecisionRequest request, UriInfo uri) {
        DecisionView created = lifecycle.supersede(id, ifMatch, request);
        return created(created, uri.getBaseUriBuilder().path("api/decisions").path(created.id().toString()).build());
    }

    private static RestResponse<DecisionView> ok(DecisionView view) {
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    private static RestResponse<DecisionView> created(DecisionView view, URI location) {
        return ResponseBuilder.create(RestResponse.Status.CREATED, view).location(location)
                .tag(ETags.tag(view.version())).build();
    }
}
