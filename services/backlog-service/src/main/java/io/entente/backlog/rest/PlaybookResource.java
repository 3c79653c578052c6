package io.entente.backlog.rest;

import io.entente.backlog.api.PlaybookView;
import io.entente.backlog.service.PlaybookService;
import io.entente.platform.paging.Page;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The lifecycle playbooks shipped with Entente; apply one with POST /api/alliances/{key}/playbook-applications. */
@Path("/api/playbooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Playbooks")
public class PlaybookResource {

    private final PlaybookService playbooks;

    public PlaybookResource(PlaybookService playbooks) {
        this.playbooks = playbooks;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The playbooks with their tasks", description = "Sorts: name (default), key.")
    public Page<PlaybookView> list(@QueryParam("sort") String sort, @QueryParam("after") String after,
                                   @QueryParam("limit") Integer limit) {
        return playbooks.list(sort, after, limit);
    }

    @GET
    @Path("{idOrKey}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "One playbook, by id or key (e.g. jsc-preparation)")
    public PlaybookView get(@PathParam("idOrKey") String idOrKey) {
        return playbooks.get(idOrKey);
    }
}
