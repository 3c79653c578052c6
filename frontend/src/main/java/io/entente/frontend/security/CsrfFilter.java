package io.entente.frontend.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/** Refuses state-changing calls to /api and /bff that do not carry this session's CSRF token. */
public class CsrfFilter {

    @ServerRequestFilter
    public Optional<Response> verify(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.startsWith("/bff/")) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(CsrfGuard.COOKIE);
        return CsrfGuard.check(request.getMethod(), cookie == null ? null : cookie.getValue(),
                        request.getHeaderString(CsrfGuard.HEADER), request.getHeaderString("Origin"),
                        request.getHeaderString("Host"))
                .map(reason -> Response.status(403)
                        .type("application/problem+json")
                        .entity("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                                + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                        .build());
    }
}
