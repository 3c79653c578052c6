package io.entente.frontend.proxy;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /bff/api-docs/<service>}: a service's OpenAPI document for admins. The services themselves are not exposed,
 * and the generic {@code /api/<service>/...} route never reaches their {@code /q} endpoints, so this is the one way
 * to read the document from a browser.
 */
@Path("/bff/api-docs/{service}")
@Authenticated
@Blocking
public class ApiDocsResource {

    static final String ADMIN = "admin";

    private final UpstreamProxy proxy;
    private final SecurityIdentity identity;

    public ApiDocsResource(UpstreamProxy proxy, SecurityIdentity identity) {
        this.proxy = proxy;
        this.identity = identity;
    }

    @GET
    public Response document(@PathParam("service") String service) {
        ProxyResponse answer;
        if (!identity.hasRole(ADMIN)) {
            answer = proxy.problem(403, "Admins only", "The API documentation is for administrators.");
        } else {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            answer = proxy.openApiDocument(service, token == null ? null : token.getToken());
        }
        Response.ResponseBuilder response = Response.status(answer.status()).header("Cache-Control", "no-store");
        answer.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Cache-Control")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        if (answer.body() != null && answer.body().length > 0) {
            response.entity(answer.body());
        }
        return response.build();
    }
}
