package io.entente.decision.rest;

import io.entente.decision.api.CalendarFeedView;
import io.entente.decision.service.CalendarFeedService;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import java.net.URI;

/** The caller's own calendar subscription: every role may have one, it only ever shows what they may see. */
@Path("/api/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar feeds")
public class CalendarFeedResource {

    private final CalendarFeedService feeds;

    public CalendarFeedResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Create the caller's decision calendar feed, or rotate its secret",
            description = "Returns the subscription URL once (Location and body). Rotating invalidates the old URL "
                    + "and refreshes the alliances the feed shows from the caller's current memberships.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarFeedView.class)))
    public RestResponse<CalendarFeedView> createOrRotate(UriInfo uri) {
        CalendarFeedView feed = feeds.createOrRotate(uri.getBaseUri().toString());
        return ResponseBuilder.create(RestResponse.Status.CREATED, feed).location(URI.create(feed.url())).build();
    }

    @GET
    @Path("mine")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Whether the caller has a feed (the URL is not shown again: rotate to get a new one)")
    public CalendarFeedView mine() {
        return feeds.mine();
    }

    @DELETE
    @Path("mine")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Revoke the caller's feed: its URL answers 404 from now on")
    public RestResponse<Void> revoke() {
        feeds.revoke();
        return RestResponse.noContent();
    }
}
