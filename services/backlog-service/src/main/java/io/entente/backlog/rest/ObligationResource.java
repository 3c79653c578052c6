package io.entente.backlog.rest;

import io.entente.backlog.api.ObligationMetRequest;
import io.entente.backlog.api.ObligationQuery;
import io.entente.backlog.api.ObligationRequest;
import io.entente.backlog.api.ObligationView;
import io.entente.backlog.domain.ObligationKind;
import io.entente.backlog.domain.ObligationStatus;
import io.entente.backlog.domain.OwedBy;
import io.entente.backlog.service.ObligationService;
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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/obligations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Obligations")
public class ObligationResource {

    private final ObligationService obligations;

    public ObligationResource(ObligationService obligations) {
        this.obligations = obligations;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Register an obligation from a contract clause",
            description = "Its backlog item is created when the window opens (due date minus lead time): at once "
                    + "if that is today or earlier.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObligationView.class)))
    public RestResponse<ObligationView> register(@Valid @NotNull ObligationRequest request, UriInfo uri) {
        ObligationView created = obligations.register(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.tag(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Obligations of the caller's alliances", description = "Sorts: dueDate (default), createdAt.")
    public Page<ObligationView> list(@QueryParam("allianceId") List<String> allianceId,
                                     @QueryParam("status") List<String> status,
                                     @QueryParam("kind") List<String> kind,
                                     @QueryParam("owedBy") List<String> owedBy,
                                     @QueryParam("dueBefore") LocalDate dueBefore,
                                     @QueryParam("sort") String sort, @QueryParam("after") String after,
                                     @QueryParam("limit") Integer limit) {
        return obligations.list(query(allianceId, status, kind, owedBy, dueBefore), sort, after, limit);
    }

    @GET
    @Path("export")
    @Produces({BacklogItemResource.CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The filtered obligations as CSV (same filters and sorts as the list)",
            description = "At most entente.backlog.export-max-rows rows; header X-Entente-Truncated says when cut.")
    public RestResponse<String> export(@QueryParam("allianceId") List<String> allianceId,
                                       @QueryParam("status") List<String> status,
                                       @QueryParam("kind") List<String> kind,
                                       @QueryParam("owedBy") List<String> owedBy,
                                       @QueryParam("dueBefore") LocalDate dueBefore,
                                       @QueryParam("sort") String sort) {
        int max = obligations.exportMaxRows();
        List<ObligationView> rows = obligations.export(query(allianceId, status, kind, owedBy, dueBefore), sort, max);
        boolean truncated = rows.size() > max;
        return BacklogItemResource.csv(RegisterCsv.obligations(truncated ? rows.subList(0, max) : rows),
                "obligations.csv", truncated);
    }

    private static ObligationQuery query(List<String> allianceId, List<String> status, List<String> kind,
                                         List<String> owedBy, LocalDate dueBefore) {
        return new ObligationQuery(QueryParams.split(allianceId),
                QueryParams.enumValues("status", status, ObligationStatus.class),
                QueryParams.enumValues("kind", kind, ObligationKind.class),
                QueryParams.enumValues("owedBy", owedBy, OwedBy.class), dueBefore);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Read one obligation")
    public RestResponse<ObligationView> get(@PathParam("id") UUID id) {
        ObligationView view = obligations.get(id);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the obligation, what and when, newest first (from the audit trail)",
            description = "field=status (or any field of the obligation): only the changes of that field, creation included.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("field") String field,
                                    @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return obligations.history(id, FreeText.orNull(field), after, limit);
    }

    @POST
    @Path("{id}/met")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Record that the obligation was met (If-Match); a recurring one rolls to its next date")
    public RestResponse<ObligationView> met(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull ObligationMetRequest request) {
        ObligationView view = obligations.met(id, request.metOn(), ifMatch);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }
}
