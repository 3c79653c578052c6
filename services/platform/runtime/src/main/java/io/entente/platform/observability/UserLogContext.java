package io.entente.platform.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.Principal;

/**
 * Puts the caller's user id into the log context of a request, so every line logged while serving it says who
 * asked (the trace id comes from OpenTelemetry, the event id from the consumer).
 */
public class UserLogContext {

    public static final String USER = "user";

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (user != null && user.getName() != null && !user.getName().isBlank()) {
            MDC.put(USER, user.getName());
        }
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove(USER);
    }
}
