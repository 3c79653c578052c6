package io.entente.governance.domain;

import io.entente.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * One attendee's personal survey link for one meeting. It records whether the link was used, never the answer: the
 * answers are stored apart without a reference to the invitation, so no one can tie a score to a person.
 */
@Entity
@Table(name = "pulse_invitation")
public class PulseInvitation extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The public half of the token; the token itself is only ever stored as {@link #secretHash}. */
    @Column(name = "token_id", nullable = false, unique = true)
    public String tokenId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false)
    public String name;

    public String email;

    @Column(name = "user_id")
    public String userId;

    /** The quarter of the meeting, e.g. {@code 2026-Q4}: the answers count towards it. */
    @Column(nullable = false)
    public String quarter;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public static PulseInvitation issue(Meeting meeting, Attendee attendee, String tokenId, String secretHash,
                                        Instant now, Instant expiresAt) {
        PulseInvitation invitation = new PulseInvitation();
        invitation.id = UUID.randomUUID();
        invitation.tokenId = tokenId;
        invitation.secretHash = secretHash;
        invitation.meetingId = meeting.id;
        invitation.allianceId = meeting.allianceId;
        invitation.side = attendee.side() == null ? Side.US : attendee.side();
        invitation.name = attendee.name();
        invitation.email = attendee.email();
        invitation.userId = attendee.user();
        invitation.quarter = PulseRules.quarterOf(meeting.localDate());
        invitation.issuedAt = now;
        invitation.expiresAt = expiresAt;
        return invitation;
    }

    public PulseStatus status(Instant now) {
        if (answeredAt != null) {
            return PulseStatus.ANSWERED;
        }
        if (revokedAt != null) {
            return PulseStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? PulseStatus.OPEN : PulseStatus.EXPIRED;
    }

    /** Refuses a link that can no longer take an answer, saying why (the respondent cannot do anything about it). */
    public void requireOpen(Instant now) {
        switch (status(now)) {
            case ANSWERED -> throw new ProblemException(409, "pulse-already-answered", "Already answered",
                    "this survey link was already used: each attendee answers once, and the answer cannot be changed");
            case REVOKED -> throw new ProblemException(410, "pulse-revoked", "Link withdrawn",
                    "this survey link was withdrawn by the meeting's organisers");
            case EXPIRED -> throw new ProblemException(410, "pulse-expired", "Link expired",
                    "this survey link expired on " + expiresAt + "; answers are no longer taken");
            default -> {
            }
        }
    }

    public void answer(Instant now) {
        requireOpen(now);
        answeredAt = now;
    }

    /** Withdraws the link if it is still open; an answered or expired link stays as it is. */
    public boolean revoke(Instant now) {
        if (status(now) != PulseStatus.OPEN) {
            return false;
        }
        revokedAt = now;
        return true;
    }
}
