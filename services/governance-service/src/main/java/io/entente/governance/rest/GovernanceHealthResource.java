package io.entente.governance.rest;

import io.entente.governance.service.GovernanceHealth;
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

import java.util.UUID;

@Path("/api/governance-health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Governance health")
public class GovernanceHealthResource {

    private final GovernanceHealth health;

    public GovernanceHealthResource(GovernanceHealth health) {
        this.health = health;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Packet and action-item figures per committee and quarter: packet lead time against the "
            + "target, packets on target, versions before the meeting, action-item closure time, on-time rate, open "
            + "past due")
    public FigureList figures(
            @Parameter(description = "One alliance (404 if the reader cannot see it); default every visible one")
            @QueryParam("alliance") String alliance,
            @Parameter(description = "One committee (governance body id; 404 if not visible)")
            @QueryParam("committee") UUID committee,
            @Parameter(description = "First quarter, e.g. 2026-Q1; default three quarters before `to`")
            @QueryParam("from") Quarter from,
            @Parameter(description = "Last quarter; default the current one; at most 12 quarters in all")
            @QueryParam("to") Quarter to) {
        return health.figures(alliance, committee, from, to);
    }
}
