package io.entente.governance.service;

import io.entente.events.governance.MeetingEvent.PulseInvitee;
import io.entente.events.governance.MeetingEvent.PulseSurveyIssued;
import io.entente.governance.api.MyPulseInvitationView;
import io.entente.governance.api.PulseRevocationView;
import io.entente.governance.config.PulseConfig;
import io.entente.governance.domain.Attendee;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.PulseInvitation;
import io.entente.governance.domain.PulseStatus;
import io.entente.governance.domain.PulseToken;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Issues the survey links of a meeting, withdraws them, and shows an attendee their own. */
@ApplicationScoped
@Transactional
public class PulseInvitations {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final MeetingQueries meetings;
    private final PulseConfig config;
    private final PulseToken tokens;
    private final Clock clock;

    public PulseInvitations(ChangeLog changes, CurrentUser user, MeetingQueries meetings, PulseConfig config,
                            Clock clock) {
        this.changes = changes;
        this.user = user;
        this.meetings = meetings;
        this.config = config;
        this.tokens = new PulseToken(config.signingKey());
        this.clock = clock;
    }

    /**
     * One link per attendee of both companies, in the caller's transaction (the minutes' approval). Attendees are
     * the meeting's invitation list: someone who did not come can still say how the alliance feels to them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(Meeting meeting, Instant now) {
        if (PulseInvitation.count("meetingId", meeting.id) > 0) {
            return;
        }
        Instant expiresAt = now.plus(config.linkValidity());
        List<PulseInvitee> invitees = new ArrayList<>();
        for (Attendee attendee : meeting.attendees()) {
            String tokenId = PulseToken.newId();
            PulseInvitation invitation = PulseInvitation.issue(meeting, attendee, tokenId,
                    PulseToken.hash(tokens.sign(tokenId)), now, expiresAt);
            invitation.persist();
            invitees.add(new PulseInvitee(invitation.id.toString(), invitation.name, invitation.email,
                    invitation.userId, invitation.side.name()));
        }
        if (invitees.isEmpty()) {
            return;
        }
        changes.record(new PulseSurveyIssued(meeting.id.toString(), meeting.allianceId, meeting.title, expiresAt,
                invitees), null, Map.of("invitations", invitees.size(), "expiresAt", expiresAt));
    }

    /** Withdraws every open link of the meeting; answers already given stay. */
    public PulseRevocationView revoke(UUID meetingId) {
        Meeting meeting = meetings.find(meetingId);
        Instant now = Instant.now(clock);
        int revoked = 0;
        for (PulseInvitation invitation : PulseInvitation.<PulseInvitation>list("meetingId", meeting.id)) {
            if (invitation.revoke(now)) {
                revoked++;
            }
        }
        if (revoked > 0) {
            changes.auditOnly("PulseInvitationsRevoked", "meeting", meeting.id.toString(), meeting.allianceId,
                    null, Map.of("revoked", revoked));
        }
        return new PulseRevocationView(revoked);
    }

    /** The caller's own link for the meeting, matched by their login as the meeting's attendee list names it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MyPulseInvitationView mine(UUID meetingId) {
        Meeting meeting = meetings.find(meetingId);
        PulseInvitation invitation = PulseInvitation.<PulseInvitation>find(
                "meetingId = ?1 and lower(userId) = lower(?2)", meeting.id, user.id()).firstResult();
        if (invitation == null) {
            return new MyPulseInvitationView("NONE", null, null);
        }
        PulseStatus status = invitation.status(Instant.now(clock));
        String url = status == PulseStatus.OPEN ? link(tokens.sign(invitation.tokenId)) : null;
        return new MyPulseInvitationView(status.name(), url, invitation.expiresAt);
    }

    private String link(String token) {
        String base = config.publicBaseUrl().orElse("");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/pulse/" + token;
    }
}
