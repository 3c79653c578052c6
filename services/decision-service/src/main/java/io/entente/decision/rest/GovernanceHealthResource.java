package io.entente.decision.rest;

import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.service.DecisionHealth;
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

    private final DecisionHealth health;

    public GovernanceHealthResource(DecisionHealth health) {
        this.health = health;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Decision figures per alliance and quarter: cycle time, decided ahead, overdue rate, "
            + "escalations, escalation age, deferrals")
    public FigureList figures(
            @Parameter(description = "One alliance (404 if the reader cannot see it); default every visible one")
            @QueryParam("alliance") String alliance,
            @Parameter(description = "Only the decisions whose decision right this body holds (JSC, JDC, ...)")
            @QueryParam("committee") GovernanceBody committee,
            @Parameter(description = "First quarter, e.g. 2026-Q1; default three quarters before `to`")
            @QueryParam("from") Quarter from,
            @Parameter(description = "Last quarter; default the current one; at most 12 quarters in all")
            @QueryParam("to") Quarter to) {
        return health.figures(alliance, committee, from, to);
    }
}
