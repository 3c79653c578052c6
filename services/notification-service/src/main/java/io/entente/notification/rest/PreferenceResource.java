package io.entente.notification.rest;

import io.entente.notification.api.PreferencesView;
import io.entente.notification.service.Preferences;
import io.entente.notification.service.Recipients;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own delivery preferences per kind. A PUT sets the kinds it names (last writer wins: only the user
 * themself writes them, so there is no concurrent editor to protect with If-Match).
 */
@Path("/api/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class PreferenceResource {

    private final Preferences preferences;
    private final Recipients recipients;

    public PreferenceResource(Preferences preferences, Recipients recipients) {
        this.preferences = preferences;
        this.recipients = recipients;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "The caller's delivery mode for every kind (IMMEDIATE unless changed)")
    public PreferencesView mine() {
        recipients.learnCaller();
        return preferences.mine();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Set the caller's delivery mode for the kinds named: IMMEDIATE, DIGEST or OFF",
            description = "OFF stops both the in-app notification and the mail of that kind. DIGEST keeps the "
                    + "in-app notification and mails it in one daily digest.")
    public PreferencesView update(@Valid @NotNull PreferencesView request) {
        return preferences.update(request);
    }
}
