package io.entente.decision.service;

import io.entente.decision.config.DecisionConfig;
import io.entente.decision.domain.CalendarFeed;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.api.CalendarFeedView;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.problem.ProblemException;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Per-user iCalendar (RFC 5545) feeds of decision due dates. The URL carries a random secret instead of the user's
 * token; only its hash is stored, and rotating or revoking it cuts off every calendar that still has the old URL.
 */
@ApplicationScoped
@Transactional
public class CalendarFeedService {

    public static final String PRODID = "-//Entente//Decision due dates//EN";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.ALLIANCE_MANAGER, Roles.TEAM_MEMBER,
            Roles.GOVERNANCE_OPS, Roles.STAKEHOLDER, Roles.PARTNER);

    private final ChangeLog changes;
    private final CurrentUser user;
    private final EntityManager em;
    private final Clock clock;
    private final DecisionConfig config;

    public CalendarFeedService(ChangeLog changes, CurrentUser user, EntityManager em, Clock clock,
                               DecisionConfig config) {
        this.changes = changes;
        this.user = user;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** Creates the caller's feed, or rotates its secret (the old URL stops working) and refreshes its alliances. */
    public CalendarFeedView createOrRotate(String requestBaseUrl) {
        String secret = newSecret();
        CalendarFeed feed = CalendarFeed.findById(user.id());
        CalendarFeedView before = feed == null ? null : view(feed, null);
        Instant now = Instant.now(clock);
        if (feed == null) {
            feed = new CalendarFeed();
            feed.userId = user.id();
        }
        feed.rotate(hash(secret), List.copyOf(user.alliances()), user.isAdmin(),
                ROLES.stream().filter(user::hasRole).toList(), now);
        feed.persist();
        changes.auditOnly(before == null ? "CalendarFeedCreated" : "CalendarFeedRotated", "calendar-feed",
                user.id(), null, before, view(feed, null));
        return view(feed, feedUrl(requestBaseUrl, secret));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarFeedView mine() {
        return view(own(), null);
    }

    public void revoke() {
        CalendarFeed feed = own();
        changes.auditOnly("CalendarFeedRevoked", "calendar-feed", user.id(), null, view(feed, null), null);
        feed.delete();
    }

    /** The feed as iCalendar text; an unknown or revoked secret is a 404 that does not echo the secret. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String render(String secret) {
        CalendarFeed feed = secret == null ? null
                : CalendarFeed.find("secretHash", hash(secret)).firstResult();
        if (feed == null) {
            throw new ProblemException(404, "not-found", "Not found",
                    "no calendar feed at this address; it may have been rotated or revoked");
        }
        LocalDate today = LocalDate.now(clock);
        // A partner's feed, like everything a partner reads, has the joint committees' decisions only.
        boolean partner = feed.roles.contains(Roles.PARTNER);
        String jpql = "select d from Decision d where d.status in :active and d.dueDate >= :from"
                + (feed.allAlliances ? "" : " and d.allianceId in :mine")
                + (partner ? " and d.governanceBody in :joint and d.currentBody in :joint" : "")
                + " order by d.dueDate, d.id";
        TypedQuery<Decision> query = em.createQuery(jpql, Decision.class)
                .setParameter("active", DecisionStatus.active())
                .setParameter("from", today.minusDays(config.calendar().pastDays()));
        if (partner) {
            query.setParameter("joint", GovernanceBody.JOINT);
        }
        List<Decision> decisions = List.of();
        if (feed.allAlliances || !feed.alliances.isEmpty()) {
            if (!feed.allAlliances) {
                query.setParameter("mine", feed.alliances);
            }
            decisions = query.getResultList();
        }
        return ics(decisions, Instant.now(clock), !partner);
    }

    static String ics(List<Decision> decisions, Instant stamp, boolean internal) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // No METHOD: a subscription is plain RFC 5545 data, not an iTIP message (PUBLISH would demand an ORGANIZER).
        calendar.add(new XProperty("X-WR-CALNAME", "Entente decisions"));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        for (Decision d : decisions) {
            VEvent event = new VEvent(d.dueDate, d.dueDate.plusDays(1),
                    "[" + d.allianceId + "] " + d.currentBody + " decision due: " + d.title);
            event.replace(new DtStamp(stamp));
            event.add(new Uid("decision-" + d.id + "@entente"));
            // Calendar clients replace an event when its sequence grows: every change of the decision counts.
            event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, d.version)));
            event.add(new Description(description(d, internal)));
            event.add(new Categories(d.currentBody.name()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the calendar feed", e);
        }
        return out.toString();
    }

    // Never the internal notes: a feed ends up in personal calendars. The risk rating is internal: not in a partner's.
    private static String description(Decision d, boolean internal) {
        List<String> lines = new ArrayList<>();
        lines.add(d.question);
        lines.add("Status: " + d.status + (d.escalationLevel > 0 ? " (escalated to " + d.currentBody + ")" : ""));
        if (internal && d.riskState != null) {
            lines.add("Risk: " + d.riskState + (d.riskReason == null ? "" : " - " + d.riskReason));
        }
        lines.add("Prep deadline: " + d.prepDeadline());
        lines.add("Driver: " + d.driver + ", approver: " + d.approver);
        return String.join("\n", lines);
    }

    private CalendarFeed own() {
        CalendarFeed feed = CalendarFeed.findById(user.id());
        if (feed == null) {
            throw Problems.notFound("calendar feed of", user.id());
        }
        return feed;
    }

    private String feedUrl(String requestBaseUrl, String secret) {
        String base = config.calendar().publicBaseUrl().orElse(requestBaseUrl);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/calendar/" + secret + ".ics";
    }

    private static CalendarFeedView view(CalendarFeed feed, String url) {
        return new CalendarFeedView(url, feed.alliances, feed.allAlliances, feed.createdAt, feed.rotatedAt);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
