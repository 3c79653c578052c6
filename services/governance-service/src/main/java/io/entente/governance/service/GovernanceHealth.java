package io.entente.governance.service;

import io.entente.governance.config.GovernanceConfig;
import io.entente.governance.domain.ActionStatus;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.GovernanceFigures;
import io.entente.governance.domain.GovernanceFigures.ActionFacts;
import io.entente.governance.domain.GovernanceFigures.Committee;
import io.entente.governance.domain.GovernanceFigures.MeetingFacts;
import io.entente.governance.domain.ServiceLevel;
import io.entente.platform.figures.FigureList;
import io.entente.platform.figures.FigureScope;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;
import io.entente.platform.figures.QuarterWindow;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The packet and action-item figures of governance health, per committee, for the readers and the packet. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GovernanceHealth {

    private final CurrentUser user;
    private final EntityManager em;
    private final Clock clock;
    private final GovernanceConfig config;

    public GovernanceHealth(CurrentUser user, EntityManager em, Clock clock, GovernanceConfig config) {
        this.user = user;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** The figures of every committee of the alliances the reader may see, or of the one committee asked for. */
    public FigureList figures(String alliance, UUID committee, Quarter from, Quarter to) {
        Instant now = clock.instant();
        QuarterWindow window = QuarterWindow.of(from, to, now);
        List<String> alliances = FigureScope.alliances(user, alliance, this::knownAlliances);
        List<GovernanceBody> bodies = bodies(alliances, committee);
        if (committee != null && bodies.isEmpty()) {
            throw Problems.notFound("committee", committee);
        }
        return FigureList.of(compute(bodies, window, now));
    }

    /** One committee's figures for the last four quarters up to now: the packet's "how this committee is doing". */
    public List<QuarterFigure> lastYear(GovernanceBody body) {
        Instant now = clock.instant();
        return compute(List.of(body), QuarterWindow.of(null, null, now), now);
    }

    private List<QuarterFigure> compute(List<GovernanceBody> bodies, QuarterWindow window, Instant now) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> tiers = tiers(bodies.stream().map(b -> b.allianceId).distinct().toList());
        List<Committee> committees = bodies.stream()
                .map(b -> new Committee(b.allianceId, b.id,
                        ServiceLevel.packetLeadDays(tiers.get(b.allianceId), config.packet().leadDays())))
                .toList();
        List<UUID> ids = bodies.stream().map(b -> b.id).toList();
        return new GovernanceFigures(now).compute(committees, window.quarters(), meetings(ids, window),
                actions(ids, window));
    }

    private List<String> knownAlliances() {
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("""
                select alliance_id from alliance_ref union select alliance_id from governance_body""")
                .getResultList();
        return keys;
    }

    private List<GovernanceBody> bodies(List<String> alliances, UUID committee) {
        if (alliances.isEmpty()) {
            return List.of();
        }
        List<GovernanceBody> bodies = new ArrayList<>(GovernanceBody.<GovernanceBody>list(
                "allianceId in ?1", alliances));
        if (committee != null) {
            bodies.removeIf(b -> !b.id.equals(committee));
        }
        bodies.sort(Comparator.comparing((GovernanceBody b) -> b.allianceId).thenComparing(b -> b.type)
                .thenComparing(b -> b.name).thenComparing(b -> b.id));
        return bodies;
    }

    private Map<String, Integer> tiers(List<String> alliances) {
        Map<String, Integer> tiers = new HashMap<>();
        for (Object row : em.createNativeQuery("select alliance_id, tier from alliance_ref where alliance_id in (?1)")
                .setParameter(1, alliances).getResultList()) {
            Object[] r = (Object[]) row;
            tiers.put((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue());
        }
        return tiers;
    }

    /** The meetings of the window with the generation time of each packet version. */
    private List<MeetingFacts> meetings(List<UUID> bodies, QuarterWindow window) {
        Map<UUID, UUID> bodyOf = new LinkedHashMap<>();
        Map<UUID, Instant> startOf = new HashMap<>();
        Map<UUID, List<Instant>> packets = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select m.id, m.body_id, m.starts_at, p.generated_at
                        from meeting m left join packet p on p.meeting_id = m.id
                        where m.body_id in (?1) and m.starts_at >= ?2 and m.starts_at < ?3
                        order by m.starts_at, m.id, p.generated_at""")
                .setParameter(1, bodies).setParameter(2, utc(window.start())).setParameter(3, utc(window.end()))
                .getResultList()) {
            Object[] r = (Object[]) row;
            UUID meeting = (UUID) r[0];
            bodyOf.put(meeting, (UUID) r[1]);
            startOf.put(meeting, instant(r[2]));
            List<Instant> versions = packets.computeIfAbsent(meeting, m -> new ArrayList<>());
            if (r[3] != null) {
                versions.add(instant(r[3]));
            }
        }
        return bodyOf.entrySet().stream()
                .map(e -> new MeetingFacts(e.getValue(), startOf.get(e.getKey()), packets.get(e.getKey())))
                .toList();
    }

    /** The action items raised before the window ended and not closed before it began. */
    private List<ActionFacts> actions(List<UUID> bodies, QuarterWindow window) {
        List<ActionFacts> facts = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select m.body_id, a.raised_at, a.due_date, a.status, a.closed_at
                        from action_item a join meeting m on m.id = a.meeting_id
                        where m.body_id in (?1) and a.raised_at < ?2
                          and (a.closed_at is null or a.closed_at >= ?3 or a.due_date >= ?4)""")
                .setParameter(1, bodies).setParameter(2, utc(window.end())).setParameter(3, utc(window.start()))
                .setParameter(4, window.from().firstDay())
                .getResultList()) {
            Object[] r = (Object[]) row;
            facts.add(new ActionFacts((UUID) r[0], instant(r[1]), localDate(r[2]),
                    ActionStatus.valueOf((String) r[3]), r[4] == null ? null : instant(r[4])));
        }
        return facts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
