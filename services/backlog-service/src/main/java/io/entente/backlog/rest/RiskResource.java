package io.entente.backlog.rest;

import io.entente.backlog.api.ReasonRequest;
import io.entente.backlog.api.RiskAssessmentRequest;
import io.entente.backlog.api.RiskQuery;
import io.entente.backlog.api.RiskRequest;
import io.entente.backlog.api.RiskUpdateRequest;
import io.entente.backlog.api.RiskView;
import io.entente.backlog.domain.RiskCategory;
import io.entente.backlog.domain.RiskStatus;
import io.entente.backlog.service.RiskQueries;
import io.entente.backlog.service.RiskRegister;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.Page;
import io.entente.platform.versioning.ETags;
import io.entente.platform.rest.QueryParams;
import io.entente.platform.security.Roles;
import io.entente.platform.text.FreeText;
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

import java.util.List;
import java.util.UUID;

@Path("/api/risks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk register")
public class RiskResource {

    private final RiskRegister register;
    private final RiskQueries risks;

    public RiskResource(RiskRegister register, RiskQueries risks) {
        this.register = register;
        this.risks = risks;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Raise a risk; one at or above the alliance's threshold gets a follow-up backlog item")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RiskView.class)))
    public RestResponse<RiskView> raise(@Valid @NotNull RiskRequest request, UriInfo uri) {
        RiskView created = register.raise(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.tag(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The register of the caller's alliances",
            description = "Sorts: -score (default), score, nextReviewDate, createdAt.")
    public Page<RiskView> list(@QueryParam("allianceId") List<String> allianceId,
                               @QueryParam("status") List<String> status,
                               @QueryParam("category") List<String> category,
                               @QueryParam("aboveThreshold") Boolean aboveThreshold,
                               @QueryParam("sort") String sort, @QueryParam("after") String after,
                               @QueryParam("limit") Integer limit) {
        return risks.list(query(allianceId, status, category, aboveThreshold), sort, after, limit);
    }

    @GET
    @Path("export")
    @Produces({BacklogItemResource.CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The filtered risk register as CSV (same filters and sorts as the list)",
            description = "At most entente.backlog.export-max-rows rows; header X-Entente-Truncated says when cut.")
    public RestResponse<String> export(@QueryParam("allianceId") List<String> allianceId,
                                       @QueryParam("status") List<String> status,
                                       @QueryParam("category") List<String> category,
                                       @QueryParam("aboveThreshold") Boolean aboveThreshold,
                                       @QueryParam("sort") String sort) {
        int max = risks.exportMaxRows();
        List<RiskView> rows = risks.export(query(allianceId, status, category, aboveThreshold), sort, max);
        boolean truncated = rows.size() > max;
        return BacklogItemResource.csv(RegisterCsv.risks(truncated ? rows.subList(0, max) : rows), "risks.csv",
                truncated);
    }

    private static RiskQuery query(List<String> allianceId, List<String> status, List<String> category,
                                   Boolean aboveThreshold) {
        return new RiskQuery(QueryParams.split(allianceId),
                QueryParams.enumValues("status", status, RiskStatus.class),
                QueryParams.enumValues("category", category, RiskCategory.class), aboveThreshold);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Read one risk")
    public RestResponse<RiskView> get(@PathParam("id") UUID id) {
        RiskView view = risks.get(id);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the risk, what and when, newest first (from the audit trail)",
            description = "field=status (or any field of the risk): only the changes of that field, creation included.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("field") String field,
                                    @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return risks.history(id, FreeText.orNull(field), after, limit);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Change a risk's description, owner, mitigation, status or review date (If-Match)")
    public RestResponse<RiskView> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @Valid @NotNull RiskUpdateRequest request) {
        RiskView view = register.update(id, request, ifMatch);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("{id}/assessment")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Re-rate a risk (If-Match); crossing the threshold raises a follow-up item")
    public RestResponse<RiskView> assess(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @Valid @NotNull RiskAssessmentRequest request) {
        RiskView view = register.assess(id, request, ifMatch);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Close a risk with a reason (If-Match)")
    public RestResponse<RiskView> close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @Valid @NotNull ReasonRequest request) {
        RiskView view = register.close(id, request.reason(), ifMatch);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }
}
