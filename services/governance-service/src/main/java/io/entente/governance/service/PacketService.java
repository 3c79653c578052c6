package io.entente.governance.service;

import io.entente.events.governance.MeetingEvent.PacketGenerated;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.Packet;
import io.entente.governance.domain.ServiceLevel;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.Editions;
import io.entente.governance.domain.packet.PacketComparison;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.api.MeetingView;
import io.entente.governance.api.OpenedPacket;
import io.entente.governance.api.PacketDiffView;
import io.entente.governance.api.PacketSummary;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Generates packet versions and serves them in either edition. */
@ApplicationScoped
@Transactional
public class PacketService {

    private static final Keyset<Packet> VERSIONS = Keyset.of(Packet.class, "id", p -> p.id, UUID::fromString);
    private static final List<SortKey<Packet>> SORTS = List.of(
            SortKey.unique("version", "e.version", Integer::valueOf, p -> p.version));

    private final ChangeLog changes;
    private final CurrentUser user;
    private final MeetingQueries meetings;
    private final PacketBuilder builder;
    private final EntityManager em;
    private final Clock clock;

    public PacketService(ChangeLog changes, CurrentUser user, MeetingQueries meetings, PacketBuilder builder,
                         EntityManager em, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.meetings = meetings;
        this.builder = builder;
        this.em = em;
        this.clock = clock;
    }

    /** On demand, by a user who may change the meeting. */
    public PacketSummary generate(UUID meetingId) {
        Meeting meeting = meetings.find(meetingId);
        return PacketSummary.of(generate(meeting, Packet.Trigger.ON_DEMAND, user.id()));
    }

    /**
     * By the scheduler, with no user: generates the packet of a meeting that is due one and has none from the
     * schedule yet. Returns whether a packet was generated.
     */
    public boolean generateScheduled(UUID meetingId, String actor) {
        Meeting meeting = em.find(Meeting.class, meetingId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (meeting == null || Packet.count("meetingId = ?1 and trigger = ?2", meetingId,
                Packet.Trigger.SCHEDULED) > 0) {
            return false;
        }
        generate(meeting, Packet.Trigger.SCHEDULED, actor);
        return true;
    }

    /** Meetings starting within {@code leadDays} with no scheduled packet yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    /**
     * Meetings whose scheduled packet is due: those within their alliance's packet lead time
     * ({@link ServiceLevel#packetLeadDays}, {@code leadDays} being the norm) that have none yet.
     */
    public List<UUID> dueForScheduledPacket(int leadDays) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> candidates = em.createQuery("""
                        select m.id, m.allianceId, m.startsAt from Meeting m
                        where m.status = io.entente.governance.domain.MeetingStatus.SCHEDULED
                          and m.startsAt > :now and m.startsAt <= :until
                          and not exists (select 1 from Packet p where p.meetingId = m.id
                                          and p.trigger = io.entente.governance.domain.Packet.Trigger.SCHEDULED)
                        order by m.startsAt""", Object[].class)
                .setParameter("now", now)
                .setParameter("until", now.plusDays(ServiceLevel.longestPacketLeadDays(leadDays))).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> tiers = new HashMap<>();
        for (Object row : em.createNativeQuery("select alliance_id, tier from alliance_ref where alliance_id in (?1)")
                .setParameter(1, candidates.stream().map(c -> (String) c[1]).distinct().toList()).getResultList()) {
            Object[] r = (Object[]) row;
            tiers.put((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue());
        }
        return candidates.stream()
                .filter(c -> !((OffsetDateTime) c[2]).isAfter(
                        now.plusDays(ServiceLevel.packetLeadDays(tiers.get((String) c[1]), leadDays))))
                .map(c -> (UUID) c[0])
                .toList();
    }

    private Packet generate(Meeting meeting, Packet.Trigger trigger, String actor) {
        GovernanceBody body = GovernanceBody.findById(meeting.bodyId);
        PacketBuilder.Due due = builder.due(meeting, body);
        if (meeting.agenda().isEmpty()) {
            // The agenda is drafted from what is due; the secretary edits it and regenerates.
            MeetingView before = MeetingView.of(meeting, body, true);
            meeting.draftAgenda(builder.draftAgenda(meeting, body, due));
            meeting.updatedAt = Instant.now(clock);
            meeting.flush();
            changes.auditOnly("AgendaDrafted", "meeting", meeting.id.toString(), meeting.allianceId, before,
                    MeetingView.of(meeting, body, true));
        }
        Number latest = (Number) em.createQuery(
                        "select coalesce(max(p.version), 0) from Packet p where p.meetingId = ?1")
                .setParameter(1, meeting.id).getSingleResult();
        Packet packet = new Packet();
        packet.id = UUID.randomUUID();
        packet.meetingId = meeting.id;
        packet.allianceId = meeting.allianceId;
        packet.version = latest.intValue() + 1;
        packet.trigger = trigger;
        packet.generatedAt = Instant.now(clock);
        packet.generatedBy = actor;
        packet.content(builder.content(meeting, body, due, packet.version, packet.generatedAt));
        packet.persist();
        Packet previous = latest.intValue() == 0 ? null : Packet.<Packet>find("meetingId = ?1 and version = ?2",
                meeting.id, latest.intValue()).firstResult();
        PacketContent before = previous == null ? null : previous.content();
        changes.record(new PacketGenerated(meeting.id.toString(), meeting.allianceId, packet.version,
                packet.generatedAt, MeetingNews.invitees(meeting),
                MeetingNews.changes(before, packet.content(), Edition.INTERNAL),
                MeetingNews.changes(before, packet.content(), Edition.PARTNER)), null, PacketSummary.of(packet));
        return packet;
    }

    /** Newest first unless {@code sort=version} asks for the oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PacketSummary> list(UUID meetingId, String sort, int limit, String after) {
        Meeting meeting = meetings.find(meetingId);
        Where where = Where.all().and("e.meetingId = :meeting", "meeting", meeting.id);
        return VERSIONS.page(em, where, SortKey.choose(sort == null ? "-version" : sort, SORTS), after, limit)
                .map(PacketSummary::of);
    }

    /** {@code version} null means the latest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OpenedPacket open(UUID meetingId, Integer version, Edition edition) {
        if (edition == Edition.INTERNAL) {
            Access.requireInternalReader(user);
        }
        return OpenedPacket.of(packet(meetings.find(meetingId), version), edition);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PacketDiffView compare(UUID meetingId, int from, int to, Edition edition) {
        if (edition == Edition.INTERNAL) {
            Access.requireInternalReader(user);
        }
        Meeting meeting = meetings.find(meetingId);
        PacketContent before = packet(meeting, from).content();
        PacketContent after = packet(meeting, to).content();
        return new PacketDiffView(meeting.id, from, to, edition.name(),
                PacketComparison.compare(Editions.tree(before, edition), Editions.tree(after, edition)));
    }

    private Packet packet(Meeting meeting, Integer version) {
        Packet packet = version == null
                ? Packet.<Packet>find("meetingId = ?1 order by version desc", meeting.id).firstResult()
                : Packet.<Packet>find("meetingId = ?1 and version = ?2", meeting.id, version).firstResult();
        if (packet == null) {
            throw Problems.notFound("packet", meeting.id + (version == null ? "" : " version " + version));
        }
        return packet;
    }
}
