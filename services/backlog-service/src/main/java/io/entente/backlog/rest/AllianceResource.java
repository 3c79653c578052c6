package io.entente.backlog.rest;

import io.entente.backlog.api.AllianceQuery;
import io.entente.backlog.api.AllianceRequest;
import io.entente.backlog.api.AllianceUpdateRequest;
import io.entente.backlog.api.AllianceView;
import io.entente.backlog.api.PhaseChangeRequest;
import io.entente.backlog.api.PlaybookApplicationRequest;
import io.entente.backlog.api.PlaybookApplicationView;
import io.entente.backlog.domain.AlliancePhase;
import io.entente.backlog.domain.AllianceType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.backlog.api.ImportProblem;
import io.entente.backlog.api.ImportResult;
import io.entente.backlog.service.AllianceService;
import io.entente.backlog.service.CsvImports;
import io.entente.platform.problem.Problem;
import io.entente.backlog.service.PlaybookService;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.Page;
import io.entente.platform.versioning.ETags;
import io.entente.platform.text.FreeText;
import io.entente.platform.problem.Problems;
import io.entente.platform.rest.QueryParams;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.util.List;

@Path("/api/alliances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alliances")
public class AllianceResource {

    private final AllianceService alliances;
    private final PlaybookService playbooks;
    private final CsvImports imports;
    private final ObjectMapper mapper;

    public AllianceResource(AllianceService alliances, PlaybookService playbooks, CsvImports imports,
                            ObjectMapper mapper) {
        this.alliances = alliances;
        this.playbooks = playbooks;
        this.imports = imports;
        this.mapper = mapper;
    }

    @POST
    @Path("import")
    @Consumes(CsvImportResponses.CSV)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Register many alliances from a spreadsheet (CSV with a header row)",
            description = "Columns (any order, names as in the JSON, case-insensitive): key, name, partner, type, "
                    + "tier, phase, valueScore, complexityScore, allianceManager (all required), startDate "
                    + "(YYYY-MM-DD), riskThreshold. nextPhases, version, createdAt and updatedAt are ignored. Every "
                    + "row is checked as POST /api/alliances checks one (managers: only alliances whose group they "
                    + "are in). dryRun=true answers the preview and every row's errors, storing nothing. Otherwise "
                    + "all or nothing: 201 with the counts, or 422 naming every bad row (row numbers as a "
                    + "spreadsheet shows them, header = 1). At most 10,000 rows and 4 MB (413).")
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "200", description = "Preview (dryRun=true)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "422", description = "Rows refused, nothing imported", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class)))
    public Response importCsv(@RequestBody(content = @Content(mediaType = CsvImportResponses.CSV,
                                      schema = @Schema(type = SchemaType.STRING))) String csv,
                              @QueryParam("dryRun") boolean dryRun, UriInfo uri) {
        return CsvImportResponses.answer(imports.alliances(CsvReader.read(csv), dryRun), uri, mapper);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Register an alliance in the portfolio",
            description = "Admins, or alliance managers who are already members of the alliance's group.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllianceView.class)))
    public RestResponse<AllianceView> register(@Valid @NotNull AllianceRequest request, UriInfo uri) {
        AllianceView created = alliances.register(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(uri.getAbsolutePathBuilder().path(created.key()).build())
                .tag(ETags.tag(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "The caller's alliances (admins: all)",
            description = "Sorts: key (default), name, tier, valueScore; prefix - for descending.")
    public Page<AllianceView> list(@QueryParam("phase") List<String> phase, @QueryParam("type") List<String> type,
                                   @QueryParam("tier") List<String> tier,
                                   @QueryParam("allianceManager") String allianceManager,
                                   @QueryParam("sort") String sort, @QueryParam("after") String after,
                                   @QueryParam("limit") Integer limit) {
        AllianceQuery query = new AllianceQuery(QueryParams.enumValues("phase", phase, AlliancePhase.class),
                QueryParams.enumValues("type", type, AllianceType.class), tiers(tier),
                FreeText.orNull(allianceManager));
        return alliances.list(query, sort, after, limit);
    }

    private static List<Integer> tiers(List<String> tier) {
        try {
            return QueryParams.split(tier).stream().map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw Problems.invalid("tier", "must be 1, 2 or 3");
        }
    }

    @GET
    @Path("{key}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Read one alliance")
    public RestResponse<AllianceView> get(@PathParam("key") String key) {
        AllianceView view = alliances.get(key);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("{key}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the alliance, what and when, newest first (from the audit trail)",
            description = "field=phase: only the changes of that field, registration included.")
    public Page<ChangeView> history(@PathParam("key") String key, @QueryParam("field") String field,
                                    @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return alliances.history(key, FreeText.orNull(field), after, limit);
    }

    @PUT
    @Path("{key}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Change an alliance's descriptive fields (If-Match required)")
    public RestResponse<AllianceView> update(@PathParam("key") String key,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @Valid @NotNull AllianceUpdateRequest request) {
        AllianceView view = alliances.update(key, request, ifMatch);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("{key}/phase")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Move an alliance to its next lifecycle phase (If-Match required)",
            description = "Only the transitions listed in the alliance's nextPhases are allowed.")
    public RestResponse<AllianceView> changePhase(@PathParam("key") String key,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Valid @NotNull PhaseChangeRequest request) {
        AllianceView view = alliances.changePhase(key, request, ifMatch);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("{key}/playbook-applications")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Apply a playbook: create its backlog items, due at anchor date + offset, in one go")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaybookApplicationView.class)))
    public RestResponse<PlaybookApplicationView> applyPlaybook(@PathParam("key") String key,
                                                               @Valid @NotNull PlaybookApplicationRequest request) {
        PlaybookApplicationView applied = playbooks.apply(key, request);
        return RestResponse.status(RestResponse.Status.CREATED, applied);
    }
}
