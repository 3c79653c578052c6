package io.entente.frontend.proxy;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code /calendar/<secret>.ics}: the subscribable decision due-date feed. Public on purpose (calendar apps have no
 * session); the revocable per-user secret in the URL is what the decision service checks.
 */
@Path("/calendar")
@PermitAll
@Blocking
public class CalendarFeedResource {

    private final UpstreamProxy proxy;

    public CalendarFeedResource(UpstreamProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    @Path("{file}")
    public Response feed(@PathParam("file") String file, @Context HttpHeaders headers) {
        ProxyResponse answer = proxy.calendarFeed(file, headers.getRequestHeaders());
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        if (answer.body() != null && answer.body().length > 0) {
            response.entity(answer.body());
        }
        return response.build();
    }
}
