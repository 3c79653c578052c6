package io.entente.backlog.rest;

import io.entente.backlog.api.BacklogItemRequest;
import io.entente.backlog.api.BacklogItemUpdateRequest;
import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.api.RankRequest;
import io.entente.backlog.api.ReasonRequest;
import io.entente.backlog.service.BacklogItemCommands;
import io.entente.backlog.service.BacklogItemQueries;
import io.entente.backlog.service.BacklogItemRanking;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.Page;
import io.entente.platform.versioning.ETags;
import io.entente.platform.security.Roles;
import io.entente.platform.text.FreeText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.util.List;
import java.util.UUID;

@Path("/api/backlog-items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backlog items")
public class BacklogItemResource {

    static final String CSV = "text/csv";

    private final BacklogItemCommands commands;
    private final BacklogItemRanking ranking;
    private final BacklogItemQueries items;

    public BacklogItemResource(BacklogItemCommands commands, BacklogItemRanking ranking, BacklogItemQueries items) {
        this.commands = commands;
        this.ranking = ranking;
        this.items = items;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Add an item to the bottom of the backlog")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BacklogItemView.class)))
    public RestResponse<BacklogItemView> create(@Valid @NotNull BacklogItemRequest request, UriInfo uri) {
        BacklogItemView created = commands.create(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.tag(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "List the backlog of the caller's alliances",
            description = "Keyset pagination: pass the answer's next as after. Sorts: rank (default), dueDate, "
                    + "createdAt, updatedAt; prefix - for descending.")
    public Page<BacklogItemView> list(@BeanParam ItemFilters filters,
                                      @QueryParam("sort") String sort,
                                      @QueryParam("after") String after,
                                      @Parameter(description = "1 to 200, default 50") @QueryParam("limit")
                                      Integer limit) {
        return items.list(filters.query(), sort, after, limit);
    }

    @GET
    @Path("export")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The filtered backlog as CSV (same filters and sorts as the list)",
            description = "At most entente.backlog.export-max-rows rows; header X-Entente-Truncated says when cut.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response export(@BeanParam ItemFilters filters, @QueryParam("sort") String sort) {
        int max = items.exportMaxRows();
        List<BacklogItemView> rows = items.export(filters.query(), sort, max);
        boolean truncated = rows.size() > max;
        String csv = BacklogCsv.write(truncated ? rows.subList(0, max) : rows);
        return Response.ok(csv, CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backlog.csv\"")
                .header("X-Entente-Truncated", Boolean.toString(truncated))
                .build();
    }

    /** A CSV download; the truncation header tells a client that the export was cut at the row limit. */
    static RestResponse<String> csv(String csv, String filename, boolean truncated) {
        return RestResponse.ResponseBuilder.ok(csv, CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header("X-Entente-Truncated", Boolean.toString(truncated))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Read one backlog item")
    public RestResponse<BacklogItemView> get(@PathParam("id") UUID id) {
        BacklogItemView item = items.get(id);
        return ResponseBuilder.ok(item).tag(ETags.tag(item.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the item, what and when, newest first (from the audit trail)",
            description = "field=owner (or any field of the item): only the changes of that field, creation included.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("field") String field,
                                    @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return items.history(id, FreeText.orNull(field), after, limit);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Change an item (If-Match required)")
    public RestResponse<BacklogItemView> update(@PathParam("id") UUID id,
                                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Valid @NotNull BacklogItemUpdateRequest request) {
        BacklogItemView item = commands.update(id, request, ifMatch);
        return ResponseBuilder.ok(item).tag(ETags.tag(item.version())).build();
    }

    @POST
    @Path("{id}/rank")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Move an item directly above or below another (If-Match required)",
            description = "Only the moved item's rank changes: the backlog is never renumbered.")
    public RestResponse<BacklogItemView> rank(@PathParam("id") UUID id,
                                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                              @Valid @NotNull RankRequest request) {
        BacklogItemView item = ranking.rank(id, request, ifMatch);
        return ResponseBuilder.ok(item).tag(ETags.tag(item.version())).build();
    }

    @POST
    @Path("{id}/drop")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Drop an item that will not be done (If-Match required)")
    public RestResponse<BacklogItemView> drop(@PathParam("id") UUID id,
                                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                              @Valid @NotNull ReasonRequest request) {
        BacklogItemView item = commands.drop(id, request.reason(), ifMatch);
        return ResponseBuilder.ok(item).tag(ETags.tag(item.version())).build();
    }
}
