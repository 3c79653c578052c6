package io.entente.decision.rest;

import io.entente.decision.service.CalendarFeedService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The subscription URL calendar clients poll. They cannot send a bearer token, so the secret in the path is the
 * credential; it is public in the HTTP security policy and nowhere else.
 */
@Path("/calendar")
@Tag(name = "Calendar feeds")
public class CalendarResource {

    public static final String TEXT_CALENDAR = "text/calendar";

    private final CalendarFeedService feeds;

    public CalendarResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("{secret}.ics")
    @PermitAll
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "Decision due dates as an iCalendar (RFC 5545) feed; the secret comes from POST "
            + "/api/calendar-feeds")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type = SchemaType.STRING)))
    public Response feed(@PathParam("secret") String secret) {
        return Response.ok(feeds.render(secret), TEXT_CALENDAR + "; charset=utf-8")
                .header("Cache-Control", "private, no-cache")
                .header("Content-Disposition", "inline; filename=\"entente-decisions.ics\"")
                .build();
    }
}
