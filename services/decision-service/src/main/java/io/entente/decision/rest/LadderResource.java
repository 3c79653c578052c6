package io.entente.decision.rest;

import io.entente.decision.api.LadderRequest;
import io.entente.decision.api.LadderView;
import io.entente.decision.service.LadderService;
import io.entente.platform.versioning.ETags;
import io.entente.platform.security.Roles;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/escalation-ladders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation ladders")
public class LadderResource {

    private final LadderService ladders;

    public LadderResource(LadderService ladders) {
        this.ladders = ladders;
    }

    @GET
    @Path("{allianceId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "An alliance's escalation ladder, lowest body first")
    public RestResponse<LadderView> get(@PathParam("allianceId") String allianceId) {
        LadderView ladder = ladders.get(allianceId);
        return ResponseBuilder.ok(ladder).tag(ETags.tag(ladder.version())).build();
    }

    @PUT
    @Path("{allianceId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Set the ladder from the alliance's governance charter (If-Match required)")
    public RestResponse<LadderView> replace(@PathParam("allianceId") String allianceId,
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull LadderRequest request) {
        LadderView ladder = ladders.replace(allianceId, ifMatch, request);
        return ResponseBuilder.ok(ladder).tag(ETags.tag(ladder.version())).build();
    }
}
