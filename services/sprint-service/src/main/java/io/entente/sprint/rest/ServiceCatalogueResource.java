package io.entente.sprint.rest;

import io.entente.platform.security.Roles;
import io.entente.platform.versioning.ETags;
import io.entente.sprint.api.ServiceCatalogueRequest;
import io.entente.sprint.api.ServiceCatalogueView;
import io.entente.sprint.service.ServiceCatalogueService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/service-catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workload")
public class ServiceCatalogueResource {

    private final ServiceCatalogueService catalogue;

    public ServiceCatalogueResource(ServiceCatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER})
    @Operation(summary = "The alliance-management services per tier and phase: how often, what effort, who performs "
            + "them (ETag = version)")
    public RestResponse<ServiceCatalogueView> get() {
        ServiceCatalogueView view = catalogue.view();
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }

    /**
     * Admins and alliance managers: the access matrix of every service proves that each change passes for a member
     * holding every role but admin, so no endpoint is admin-only.
     */
    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER})
    @Operation(summary = "Replace the service catalogue (If-Match required); a new version, audited and published")
    public RestResponse<ServiceCatalogueView> replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                      @Valid @NotNull ServiceCatalogueRequest request) {
        ServiceCatalogueView view = catalogue.replace(ifMatch, request);
        return ResponseBuilder.ok(view).tag(ETags.tag(view.version())).build();
    }
}
