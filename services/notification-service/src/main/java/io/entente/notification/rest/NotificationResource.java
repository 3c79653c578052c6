package io.entente.notification.rest;

import io.entente.notification.api.NotificationView;
import io.entente.notification.api.UnreadCount;
import io.entente.notification.service.NotificationCommands;
import io.entente.notification.service.NotificationQueries;
import io.entente.notification.service.Recipients;
import io.entente.platform.paging.Page;
import io.entente.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The caller's own notifications: every role has them, and nobody sees another user's. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    private final NotificationQueries queries;
    private final NotificationCommands commands;
    private final Recipients recipients;

    public NotificationResource(NotificationQueries queries, NotificationCommands commands, Recipients recipients) {
        this.queries = queries;
        this.commands = commands;
        this.recipients = recipients;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "The caller's notifications, newest first",
            description = "Only of the alliances the caller belongs to now. unread=true lists the unread ones.")
    public Page<NotificationView> list(@QueryParam("unread") Boolean unread, @QueryParam("after") String after,
                                       @QueryParam("limit") Integer limit) {
        recipients.learnCaller();
        return queries.list(unread, after, limit);
    }

    @GET
    @Path("unread-count")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "How many of the caller's notifications are unread (the bell's number)",
            description = "Also records the caller's mail address and alliances from their token, which is where "
                    + "the service learns whom it may mail.")
    public UnreadCount unreadCount() {
        recipients.learnCaller();
        return queries.unreadCount();
    }

    @POST
    @Path("{id}/read")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Mark one of the caller's notifications read (reading it again changes nothing)")
    public NotificationView markRead(@PathParam("id") UUID id) {
        return commands.markRead(id);
    }

    @POST
    @Path("read-all")
    @RolesAllowed({Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER, Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER,
            Roles.PARTNER})
    @Operation(summary = "Mark all of the caller's notifications read; answers the unread count left")
    public UnreadCount markAllRead() {
        return commands.markAllRead();
    }
}
