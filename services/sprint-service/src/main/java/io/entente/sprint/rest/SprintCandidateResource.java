package io.entente.sprint.rest;

import io.entente.sprint.api.SprintCandidateView;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.rest.QueryParams;
import io.entente.platform.security.Roles;
import io.entente.sprint.service.CandidateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/sprint-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sprint candidates")
public class SprintCandidateResource {

    private final CandidateService candidates;

    public SprintCandidateResource(CandidateService candidates) {
        this.candidates = candidates;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The planning view: backlog items not dropped, not done and not on an open board; filter by "
            + "discipline, alliance or team (its disciplines and alliances); sort by rank (default) or dueDate")
    public Page<SprintCandidateView> list(@QueryParam("discipline") String discipline,
                                          @QueryParam("allianceId") String allianceId,
                                          @QueryParam("teamId") UUID teamId,
                                          @QueryParam("sort") CandidateService.Sort sort,
                                          @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return candidates.list(QueryParams.key("discipline", discipline), QueryParams.key("allianceId", allianceId),
                teamId, sort == null ? CandidateService.Sort.RANK : sort, Limit.of(limit), after);
    }

    @GET
    @Path("{itemId}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "A backlog item as known to the sprint service (from backlog events)")
    public SprintCandidateView get(@PathParam("itemId") UUID itemId) {
        return candidates.get(itemId);
    }
}
