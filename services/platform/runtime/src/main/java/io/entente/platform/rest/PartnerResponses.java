package io.entente.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.security.PartnerEdition;
import io.entente.platform.security.Roles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.InputStream;

/**
 * Every JSON answer to a partner caller goes through {@link PartnerEdition}: the entity is replaced by its tree without
 * the {@link io.entente.platform.security.Internal} components before it is written. Applying it here, once, rather
 * than in each view means no resource and no list can forget it. Answers that are already text or bytes (CSV,
 * iCalendar, packet HTML and PDF, a packet's JSON) are rendered by their resource from the partner edition already.
 */
public class PartnerResponses {

    private final ObjectMapper partner;

    public PartnerResponses(ObjectMapper mapper) {
        this.partner = PartnerEdition.mapper(mapper);
    }

    @ServerResponseFilter
    public void cut(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null || entity instanceof CharSequence || entity instanceof byte[]
                || entity instanceof InputStream || entity instanceof JsonNode
                || request.getSecurityContext() == null || !request.getSecurityContext().isUserInRole(Roles.PARTNER)) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        JsonNode tree = partner.valueToTree(entity);
        response.setEntity(tree, response.getEntityAnnotations(),
                type == null ? MediaType.APPLICATION_JSON_TYPE : type);
    }
}
