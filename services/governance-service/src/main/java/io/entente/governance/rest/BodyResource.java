package io.entente.governance.rest;

import io.entente.governance.api.BodyRequest;
import io.entente.governance.api.BodyUpdateRequest;
import io.entente.governance.api.BodyView;
import io.entente.governance.api.MissingMeetingView;
import io.entente.governance.domain.BodyType;
import io.entente.governance.service.BodyService;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.text.FreeText;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.versioning.ETags;
import io.entente.platform.security.Roles;
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

@Path("/api/governance-bodies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance bodies")
public class BodyResource {

    private final BodyService bodies;

    public BodyResource(BodyService bodies) {
        this.bodies = bodies;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Set up a committee (JSC, JDC, JCC, finance, executive sponsors) for an alliance")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BodyView.class)))
    public RestResponse<BodyView> create(@Valid @NotNull BodyRequest request, UriInfo uri) {
        BodyView created = bodies.create(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.tag(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "List the bodies of the alliances you can see; sort by name (default) or type")
    public Page<BodyView> list(@QueryParam("allianceId") String allianceId, @QueryParam("type") BodyType type,
                               @QueryParam("sort") String sort, @QueryParam("limit") Integer limit,
                               @QueryParam("after") String after) {
        return bodies.list(allianceId, type, sort, Limit.of(limit), after);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Read one body with its members, quorum, cadence and decision rights")
    public RestResponse<BodyView> get(@PathParam("id") UUID id) {
        BodyView body = bodies.get(id);
        return ResponseBuilder.ok(body).tag(ETags.tag(body.version())).build();
    }

    @GET
    @Path("{id}/missing-meetings")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The meetings the body's cadence calls for that are not scheduled, oldest first: each "
            + "cadence interval without a meeting, and the current one while no later meeting is on the calendar")
    public Page<MissingMeetingView> missingMeetings(@PathParam("id") UUID id, @QueryParam("limit") Integer limit) {
        return bodies.missingMeetings(id, Limit.of(limit));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the body, what and when, newest first (from the audit trail)",
            description = "field=quorum: only the changes of that field, creation included.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("field") String field,
                                    @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return bodies.history(id, FreeText.orNull(field), after, limit);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Change a body's name, quorum, cadence, decision rights and members (If-Match required)")
    public RestResponse<BodyView> update(@PathParam("id") UUID id, @Valid @NotNull BodyUpdateRequest request,
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        BodyView body = bodies.update(id, request, ifMatch);
        return ResponseBuilder.ok(body).tag(ETags.tag(body.version())).build();
    }
}
