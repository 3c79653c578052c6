package io.entente.governance.rest;

import io.entente.governance.api.OpenedPacket;
import io.entente.governance.api.PacketDiffView;
import io.entente.governance.api.PacketSummary;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.Editions;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.service.PacketRenderer;
import io.entente.governance.service.PacketService;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.util.UUID;

/**
 * A meeting's prep packets. Versions are immutable snapshots. The partner edition may be read by anyone who can
 * see the alliance; the internal edition not by stakeholders (who include the partner's people).
 */
@Path("/api/meetings/{meetingId}/packets")
@Tag(name = "Meeting packets")
public class PacketResource {

    static final String PDF = "application/pdf";

    private final PacketService packets;
    private final PacketRenderer renderer;

    private final CurrentUser user;

    public PacketResource(PacketService packets, PacketRenderer renderer, CurrentUser user) {
        this.packets = packets;
        this.user = user;
        this.renderer = renderer;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Generate a new packet version from live data (publishes PacketGenerated)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PacketSummary.class)))
    public RestResponse<PacketSummary> generate(@PathParam("meetingId") UUID meetingId, @Context UriInfo uri) {
        PacketSummary created = packets.generate(meetingId);
        return ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(uri.getAbsolutePathBuilder().path(Integer.toString(created.version())).build())
                .tag(tag(created.version(), Edition.INTERNAL)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "List the packet versions of a meeting, newest first (sort=-version, the default, or "
            + "version)")
    public Page<PacketSummary> list(@PathParam("meetingId") UUID meetingId, @QueryParam("sort") String sort,
                                    @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return packets.list(meetingId, sort, Limit.of(limit), after);
    }

    @GET
    @Path("compare")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Compare two versions: entries added, removed and changed per section")
    public PacketDiffView compare(@PathParam("meetingId") UUID meetingId, @QueryParam("from") Integer from,
                                  @QueryParam("to") Integer to,
                                  @QueryParam("edition") Edition edition) {
        if (from == null || from < 1) {
            throw Problems.invalid("from", "must be a packet version (1 or more)");
        }
        if (to == null || to < 1) {
            throw Problems.invalid("to", "must be a packet version (1 or more)");
        }
        return packets.compare(meetingId, from, to, edition(edition));
    }

    @GET
    @Path("{version: latest|[0-9]+}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, PDF})
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Read a packet version (or latest) as JSON, HTML or PDF (Accept header, or "
            + "format=json|html|pdf); edition=internal or partner (default: the caller's own, partner for a partner)")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PacketContent.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response read(@PathParam("meetingId") UUID meetingId, @PathParam("version") String version,
                         @QueryParam("edition") Edition edition,
                         @QueryParam("format") String format, @Context HttpHeaders headers) {
        Edition chosen = edition(edition);
        Integer number = "latest".equals(version) ? null : Integer.valueOf(version);
        OpenedPacket opened = packets.open(meetingId, number, chosen);
        String type = format(format, headers);
        EntityTag tag = tag(opened.version(), chosen);
        String name = "packet-" + meetingId + "-v" + opened.version() + "-" + chosen.name().toLowerCase();
        return switch (type) {
            case MediaType.TEXT_HTML -> Response.ok(renderer.html(opened.content(), chosen),
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).tag(tag).build();
            case PDF -> Response.ok(renderer.pdf(opened.packetId(), chosen,
                            () -> renderer.html(opened.content(), chosen)), PDF).tag(tag)
                    .header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"").build();
            default -> Response.ok(Editions.json(opened.content(), chosen), MediaType.APPLICATION_JSON_TYPE)
                    .tag(tag).build();
        };
    }

    // Each reader's own edition unless they ask: a partner asking for the internal one is refused by the service.
    private Edition edition(Edition requested) {
        return requested != null ? requested : user.isPartner() ? Edition.PARTNER : Edition.INTERNAL;
    }

    // A packet version never changes, so version and edition identify the representation's content.
    private static EntityTag tag(int version, Edition edition) {
        return new EntityTag(version + "-" + edition.name().toLowerCase());
    }

    private static String format(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase()) {
                case "json" -> MediaType.APPLICATION_JSON;
                case "html" -> MediaType.TEXT_HTML;
                case "pdf" -> PDF;
                default -> throw Problems.invalid("format", "must be json, html or pdf");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return MediaType.APPLICATION_JSON;
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE) && !accepted.isWildcardType()) {
                return MediaType.TEXT_HTML;
            }
            if (accepted.isCompatible(MediaType.valueOf(PDF)) && !accepted.isWildcardType()) {
                return PDF;
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
