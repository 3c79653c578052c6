package io.entente.governance.rest;

import io.entente.governance.api.PulseResultsView;
import io.entente.governance.service.PulseResults;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The partner-experience pulse of an alliance. Our side only: the partner's people answered in confidence, and even
 * aggregates of their answers are our reading of the relationship, not joint material.
 */
@Path("/api/pulse-results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pulse survey")
public class PulseResultsResource {

    private final PulseResults results;

    public PulseResultsResource(PulseResults results) {
        this.results = results;
    }

    @GET
    @Path("{allianceId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The alliance's pulse per quarter and question: each side's mean (from 3 answers on), "
            + "answer count and the gap; unsigned comments for sides with 3 answers or more")
    public PulseResultsView of(@PathParam("allianceId") String allianceId) {
        return results.of(allianceId);
    }
}
