package io.entente.sprint.rest;

import io.entente.platform.security.Roles;
import io.entente.sprint.api.WhatIfRequest;
import io.entente.sprint.api.WhatIfView;
import io.entente.sprint.api.WorkloadView;
import io.entente.sprint.service.WorkloadQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/workload")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workload")
public class WorkloadResource {

    private final WorkloadQueries workload;

    public WorkloadResource(WorkloadQueries workload) {
        this.workload = workload;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Load against capacity of every alliance manager and specialist team over the next months "
            + "(1-12, default 3), with headroom per tier and phase and the warnings",
            description = "Alliances the reader may not see count in the loads but show as restricted.")
    public WorkloadView get(@QueryParam("months") Integer months) {
        return workload.workload(months == null ? 3 : months);
    }

    /** A POST only because the changes do not fit a query string: it reads, and stores nothing. */
    @POST
    @Path("what-if")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "The workload before and after re-tiering, moving, re-phasing or adding alliances; "
            + "nothing is saved (a read, sent as POST for its body)")
    public WhatIfView whatIf(@Valid @NotNull WhatIfRequest request) {
        return workload.whatIf(request);
    }
}
