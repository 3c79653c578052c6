package io.entente.governance.rest;

import io.entente.governance.domain.MeetingStatus;
import io.entente.governance.service.MeetingService;
import io.entente.platform.rest.ETags;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public class MeetingResource {

    private final MeetingService meetings;

    public MeetingResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Schedule a meeting of a body (publishes MeetingScheduled)")
    public Response schedule(@Valid @NotNull MeetingRequest request, UriInfo uri) {
        MeetingView created = meetings.schedule(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.tag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "List meetings by start time (sort=startsAt or -startsAt); filter by alliance, body, "
            + "status and a from/to date range")
    public Page<MeetingView> list(@QueryParam("allianceId") String allianceId, @QueryParam("bodyId") String bodyId,
                                  @QueryParam("status") String status, @QueryParam("from") String from,
                                  @QueryParam("to") String to,
                                  @QueryParam("sort") @DefaultValue("startsAt") String sort,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                  @QueryParam("after") String after) {
        return meetings.list(allianceId, Params.uuid(bodyId, "bodyId"),
                Params.enumValue(MeetingStatus.class, status, "status"), Params.date(from, "from"),
                Params.date(to, "to"), Params.descending(sort, "startsAt", "sort"), limit, after);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Read a meeting with attendees, agenda and minutes")
    public Response get(@PathParam("id") UUID id) {
        return ok(meetings.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Reschedule or change a meeting's logistics and attendees' RSVPs (If-Match required)")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull MeetingUpdateRequest request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(meetings.update(id, request, ifMatch));
    }

    @PUT
    @Path("{id}/agenda")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Replace the agenda (If-Match required)")
    public Response agenda(@PathParam("id") UUID id, @Valid @NotNull AgendaRequest request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(meetings.replaceAgenda(id, request, ifMatch));
    }

    @POST
    @Path("{id}/agenda/draft")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Draft the agenda from what is due: decisions, escalations, progress, risks, obligations, "
            + "open actions and last minutes (If-Match required)")
    public Response draftAgenda(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(meetings.draftAgenda(id, ifMatch));
    }

    @PUT
    @Path("{id}/attendance")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Record who attended (If-Match required)")
    public Response attendance(@PathParam("id") UUID id, @Valid @NotNull AttendanceRequest request,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(meetings.recordAttendance(id, request, ifMatch));
    }

    @POST
    @Path("{id}/outcomes")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Record the outcome of an agenda item: information noted, decision made (publishes "
            + "DecisionRecorded) or action item (publishes ActionItemRaised); If-Match required")
    public Response outcome(@PathParam("id") UUID id, @Valid @NotNull OutcomeRequest request,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(meetings.recordOutcome(id, request, ifMatch));
    }

    @POST
    @Path("{id}/minutes/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Approve the minutes; they can no longer change (publishes MinutesApproved; If-Match "
            + "required)")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(meetings.approveMinutes(id, ifMatch));
    }

    private static Response ok(MeetingView meeting) {
        return Response.ok(meeting).tag(ETags.tag(meeting.version())).build();
    }
}
