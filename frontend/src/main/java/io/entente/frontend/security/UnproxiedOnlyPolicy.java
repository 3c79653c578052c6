package io.entente.frontend.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * {@code /q/metrics} of the BFF: Prometheus scrapes the pod directly, browsers come through the Ingress (or another
 * reverse proxy), which always adds a forwarding header. A request carrying one is refused, so the metrics are never
 * served to the internet while the scrape needs no credentials.
 */
@ApplicationScoped
public class UnproxiedOnlyPolicy implements HttpSecurityPolicy {

    static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Real-IP");

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext context) {
        return Uni.createFrom().item(cameThroughProxy(request.request().headers()) ? CheckResult.DENY
                : CheckResult.PERMIT);
    }

    @Override
    public String name() {
        return "unproxied";
    }

    static boolean cameThroughProxy(MultiMap headers) {
        return FORWARDING_HEADERS.stream().anyMatch(headers::contains);
    }
}
