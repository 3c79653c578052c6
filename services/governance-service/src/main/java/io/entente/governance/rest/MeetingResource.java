package io.entente.governance.rest;

import io.entente.governance.api.AgendaRequest;
import io.entente.governance.api.AttendanceRequest;
import io.entente.governance.api.MeetingRequest;
import io.entente.governance.api.MeetingUpdateRequest;
import io.entente.governance.api.MeetingView;
import io.entente.governance.api.MyPulseInvitationView;
import io.entente.governance.api.PulseRevocationView;
import io.entente.governance.api.OutcomeRequest;
import io.entente.governance.api.RsvpRequest;
import io.entente.governance.domain.MeetingStatus;
import io.entente.governance.service.MeetingQueries;
import io.entente.governance.service.MeetingRecords;
import io.entente.governance.service.MeetingScheduling;
import io.entente.governance.service.PulseInvitations;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.text.FreeText;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.versioning.ETags;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public class MeetingResource {

    private final MeetingScheduling scheduling;
    private final MeetingRecords records;
    private final MeetingQueries queries;
    private final PulseInvitations pulse;

    public MeetingResource(MeetingScheduling scheduling, MeetingRecords records, MeetingQueries queries,
                           PulseInvitations pulse) {
        this.scheduling = scheduling;
        this.records = records;
        this.queries = queries;
        this.pulse = pulse;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Schedule a meeting of a body (publishes MeetingScheduled)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingView.class)))
    public RestResponse<MeetingView> schedule(@Valid @NotNull MeetingRequest request, UriInfo uri) {
        MeetingView created = scheduling.schedule(request);
        return ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.tag(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "List meetings by start time (sort=startsAt or -startsAt); filter by alliance, body, "
            + "status and a from/to date range")
    public Page<MeetingView> list(@QueryParam("allianceId") String allianceId, @QueryParam("bodyId") UUID bodyId,
                                  @QueryParam("status") MeetingStatus status, @QueryParam("from") LocalDate from,
                                  @QueryParam("to") LocalDate to, @QueryParam("sort") String sort,
                                  @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return queries.list(allianceId, bodyId, status, from, to, sort, Limit.of(limit), after);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Read a meeting with attendees, agenda and minutes")
    public RestResponse<MeetingView> get(@PathParam("id") UUID id) {
        return ok(queries.get(id));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "Who changed the meeting, what and when, newest first (from the audit trail): scheduling, "
            + "agenda, attendance, outcomes, approval, and its action items following the backlog",
            description = "field=startsAt: only the changes of that field, scheduling included. Not for partners: "
                    + "a history holds internal material.")
    public Page<ChangeView> history(@PathParam("id") UUID id, @QueryParam("field") String field,
                                    @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return queries.history(id, FreeText.orNull(field), after, limit);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Reschedule or change a meeting's logistics and attendees' RSVPs (If-Match required)")
    public RestResponse<MeetingView> update(@PathParam("id") UUID id, @Valid @NotNull MeetingUpdateRequest request,
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(scheduling.update(id, request, ifMatch));
    }

    @PUT
    @Path("{id}/rsvp")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Give the caller's own RSVP (an attendee whose user is the caller, 403 otherwise; If-Match "
            + "required)")
    public RestResponse<MeetingView> rsvp(@PathParam("id") UUID id, @Valid @NotNull RsvpRequest request,
                                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(scheduling.rsvp(id, request, ifMatch));
    }

    @PUT
    @Path("{id}/agenda")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Replace the agenda (If-Match required)")
    public RestResponse<MeetingView> agenda(@PathParam("id") UUID id, @Valid @NotNull AgendaRequest request,
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(scheduling.replaceAgenda(id, request, ifMatch));
    }

    @POST
    @Path("{id}/agenda/draft")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Draft the agenda from what is due: decisions, escalations, progress, risks, obligations, "
            + "open actions and last minutes (If-Match required)")
    public RestResponse<MeetingView> draftAgenda(@PathParam("id") UUID id,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(scheduling.draftAgenda(id, ifMatch));
    }

    @PUT
    @Path("{id}/attendance")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Record who attended (If-Match required)")
    public RestResponse<MeetingView> attendance(@PathParam("id") UUID id, @Valid @NotNull AttendanceRequest request,
                                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(records.recordAttendance(id, request, ifMatch));
    }

    @POST
    @Path("{id}/outcomes")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Record the outcome of an agenda item: information noted, decision made (publishes "
            + "DecisionRecorded) or action item (publishes ActionItemRaised); If-Match required")
    public RestResponse<MeetingView> outcome(@PathParam("id") UUID id, @Valid @NotNull OutcomeRequest request,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(records.recordOutcome(id, request, ifMatch));
    }

    @POST
    @Path("{id}/minutes/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Approve the minutes; they can no longer change (publishes MinutesApproved; If-Match "
            + "required). Every attendee gets a personal pulse-survey link (publishes PulseSurveyIssued, without "
            + "the links)")
    public RestResponse<MeetingView> approve(@PathParam("id") UUID id,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(records.approveMinutes(id, ifMatch));
    }

    @GET
    @Path("{id}/my-pulse-invitation")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "The caller's own pulse-survey link for the meeting, while it is open",
            description = "status NONE when the caller is not an attendee under their login or the minutes are not "
                    + "approved yet; the link is personal: it answers as the caller, without a login")
    public MyPulseInvitationView myPulseInvitation(@PathParam("id") UUID id) {
        return pulse.mine(id);
    }

    @POST
    @Path("{id}/pulse-invitations/revocation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.GOVERNANCE_OPS})
    @Operation(summary = "Withdraw every open pulse-survey link of the meeting (answers given stay)")
    public PulseRevocationView revokePulseInvitations(@PathParam("id") UUID id) {
        return pulse.revoke(id);
    }

    private static RestResponse<MeetingView> ok(MeetingView meeting) {
        return ResponseBuilder.ok(meeting).tag(ETags.tag(meeting.version())).build();
    }
}
