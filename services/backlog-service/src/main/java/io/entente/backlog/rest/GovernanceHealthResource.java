package io.entente.backlog.rest;

import io.entente.backlog.service.ObligationHealth;
import io.entente.platform.figures.FigureList;
import io.entente.platform.figures.Quarter;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/governance-health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Governance health")
public class GovernanceHealthResource {

    private final ObligationHealth health;

    public GovernanceHealthResource(ObligationHealth health) {
        this.health = health;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Obligation figures per alliance and quarter of the due date: met on time, missed, "
            + "on-time rate")
    public FigureList figures(
            @Parameter(description = "One alliance (404 if the reader cannot see it); default every visible one")
            @QueryParam("alliance") String alliance,
            @Parameter(description = "Accepted for a page that asks every service alike; obligations belong to "
                    + "the alliance, not a committee, so it narrows nothing")
            @QueryParam("committee") String committee,
            @Parameter(description = "First quarter, e.g. 2026-Q1; default three quarters before `to`")
            @QueryParam("from") Quarter from,
            @Parameter(description = "Last quarter; default the current one; at most 12 quarters in all")
            @QueryParam("to") Quarter to) {
        return health.figures(alliance, from, to);
    }
}
