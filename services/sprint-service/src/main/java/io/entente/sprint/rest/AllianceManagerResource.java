package io.entente.sprint.rest;

import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.security.Roles;
import io.entente.platform.versioning.ETags;
import io.entente.sprint.api.AllianceManagerView;
import io.entente.sprint.api.ManagerCapacityRequest;
import io.entente.sprint.service.AllianceManagers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/alliance-managers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workload")
public class AllianceManagerResource {

    private final AllianceManagers managers;

    public AllianceManagerResource(AllianceManagers managers) {
        this.managers = managers;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Alliance managers by user id, with their capacity (default 120 hours a month) and how many "
            + "alliances name them")
    public Page<AllianceManagerView> list(@QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return managers.list(after, Limit.of(limit));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "One alliance manager with their capacity")
    public RestResponse<AllianceManagerView> get(@PathParam("id") String id) {
        AllianceManagerView view = managers.get(id);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @PUT
    @Path("{id}/capacity")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Set an alliance manager's hours a month for alliance work (If-Match required)")
    public RestResponse<AllianceManagerView> setCapacity(@PathParam("id") String id,
                                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                         @Valid @NotNull ManagerCapacityRequest request) {
        AllianceManagerView view = managers.setCapacity(id, ifMatch, request);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }
}
