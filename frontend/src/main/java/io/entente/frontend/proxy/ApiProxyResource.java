package io.entente.frontend.proxy;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/<service>/<path>}: the browser's only way to the services, always with the session's access token. */
@Path("/api/{service}")
@Authenticated
@Blocking
public class ApiProxyResource {

    private final UpstreamProxy proxy;
    private final SecurityIdentity identity;

    public ApiProxyResource(UpstreamProxy proxy, SecurityIdentity identity) {
        this.proxy = proxy;
        this.identity = identity;
    }

    @GET
    @Path("{path:.*}")
    public Response get(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", service, path, uri, headers, null);
    }

    @DELETE
    @Path("{path:.*}")
    public Response delete(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", service, path, uri, headers, null);
    }

    @POST
    @Path("{path:.*}")
    public Response post(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", service, path, uri, headers, body);
    }

    @PUT
    @Path("{path:.*}")
    public Response put(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", service, path, uri, headers, body);
    }

    @PATCH
    @Path("{path:.*}")
    public Response patch(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", service, path, uri, headers, body);
    }

    private Response forward(String method, String service, String path, UriInfo uri, HttpHeaders headers,
            byte[] body) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        // The raw (still percent-encoded) path goes upstream unchanged; the decoded @PathParam would not survive.
        String rawPath = uri.getRequestUri().getRawPath();
        String prefix = "/api/" + service;
        String upstreamPath = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : path;
        ProxyResponse answer = proxy.forward(service, method, upstreamPath, uri.getRequestUri().getRawQuery(),
                headers.getRequestHeaders(), body, token == null ? null : token.getToken());
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        // Answers carry the user's data: never let a shared cache keep them.
        if (!answer.headers().containsKey("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        if (answer.body() != null && answer.body().length > 0) {
            response.entity(answer.body());
        }
        return response.build();
    }

    @ApplicationScoped
    static class Producer {
        @Produces
        @ApplicationScoped
        UpstreamProxy proxy(UpstreamConfig config) {
            return new UpstreamProxy(Upstreams.of(config), config.connectTimeout(), config.requestTimeout());
        }
    }
}
