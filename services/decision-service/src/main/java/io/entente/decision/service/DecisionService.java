package io.entente.decision.service;

import io.entente.decision.domain.Alliance;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionOption;
import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.domain.PrepItem;
import io.entente.decision.domain.RiskState;
import io.entente.decision.rest.ActionRequests;
import io.entente.decision.rest.DecisionPage;
import io.entente.decision.rest.DecisionRequest;
import io.entente.decision.rest.DecisionView;
import io.entente.decision.rest.OptionRequest;
import io.entente.events.decision.DecisionEvent;
import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionDeferred;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionProposed;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import io.entente.events.governance.MeetingEvent.DecisionRecorded;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Opening, preparing, deciding and superseding decisions. */
@ApplicationScoped
@Transactional
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    public static final int MAX_LIMIT = 200;
    public static final Set<String> SORTS = Set.of("dueDate", "-dueDate", "createdAt", "-createdAt");

    private final ChangeLog changes;
    private final CurrentUser user;
    private final DecisionRisk risk;
    private final EntityManager em;
    private final Clock clock;

    public DecisionService(ChangeLog changes, CurrentUser user, DecisionRisk risk, EntityManager em, Clock clock) {
        this.changes = changes;
        this.user = user;
        this.risk = risk;
        this.em = em;
        this.clock = clock;
    }

    public DecisionView create(DecisionRequest request) {
        return createDecision(request, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DecisionView get(UUID id) {
        Decision decision = visible(id);
        return view(decision);
    }

    /** Replaces a draft's content; an opened decision changes only through its status actions. */
    public DecisionView updateDraft(UUID id, String ifMatch, DecisionRequest request) {
        Decision decision = visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        if (decision.status != DecisionStatus.DRAFT) {
            throw Problems.rule("not-a-draft", "only a draft can be edited; this decision is " + decision.status
                    + " (defer it to move its due date, or supersede it once decided)");
        }
        if (!decision.allianceId.equals(request.allianceId())) {
            throw Problems.invalid("allianceId", "a decision cannot move to another alliance");
        }
        validate(request, true);
        DecisionView before = DecisionView.snapshot(decision);
        apply(decision, request);
        touch(decision);
        changes.auditOnly("DecisionDraftEdited", "decision", decision.id.toString(), decision.allianceId, before,
                DecisionView.snapshot(decision));
        return view(decision);
    }

    public DecisionView open(UUID id, String ifMatch) {
        Decision decision = visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        if (decision.status == DecisionStatus.DRAFT) {
            requireOpenable(decision.options);
        }
        DecisionView before = DecisionView.snapshot(decision);
        decision.moveTo(DecisionStatus.OPEN);
        touch(decision);
        changes.record(opened(decision), before, DecisionView.snapshot(decision));
        risk.reassess(decision);
        return view(decision);
    }

    public DecisionView propose(UUID id, String ifMatch, ActionRequests.Propose request) {
        Decision decision = visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        if (!decision.hasOption(request.proposedOption())) {
            throw Problems.invalid("proposedOption", "'" + request.proposedOption() + "' is not one of the options "
                    + optionKeys(decision));
        }
        DecisionView before = DecisionView.snapshot(decision);
        decision.moveTo(DecisionStatus.PROPOSED);
        decision.proposedOption = request.proposedOption();
        decision.proposalSummary = blankToNull(request.summary());
        touch(decision);
        changes.record(new DecisionProposed(decision.id.toString(), decision.allianceId, decision.proposedOption,
                decision.proposalSummary), before, DecisionView.snapshot(decision));
        return view(decision);
    }

    public DecisionView decide(UUID id, String ifMatch, ActionRequests.Decide request) {
        Decision decision = visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        if (!decision.hasOption(request.chosenOption())) {
            throw Problems.invalid("chosenOption", "'" + request.chosenOption() + "' is not one of the options "
                    + optionKeys(decision));
        }
        DecisionView before = DecisionView.snapshot(decision);
        close(decision, request.chosenOption(), request.rationale().strip(), user.id(), null, Instant.now(clock));
        changes.record(decided(decision), before, DecisionView.snapshot(decision));
        return view(decision);
    }

    public DecisionView defer(UUID id, String ifMatch, ActionRequests.Defer request) {
        Decision decision = visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        LocalDate today = LocalDate.now(clock);
        if (!request.newDueDate().isAfter(today)) {
            throw Problems.invalid("newDueDate", "must be after today (" + today + ")");
        }
        if (request.newDueDate().equals(decision.dueDate)) {
            throw Problems.invalid("newDueDate", "is the current due date; deferring needs a new one");
        }
        DecisionView before = DecisionView.snapshot(decision);
        decision.moveTo(DecisionStatus.DEFERRED);
        decision.dueDate = request.newDueDate();
        // The new date starts a new clock: the escalation limit of the old one no longer applies.
        decision.respondBy = null;
        touch(decision);
        changes.record(new DecisionDeferred(decision.id.toString(), decision.allianceId, decision.dueDate,
                request.reason().strip()), before, DecisionView.snapshot(decision));
        risk.reassess(decision);
        return view(decision);
    }

    public DecisionView withdraw(UUID id, String ifMatch, ActionRequests.Withdraw request) {
        Decision decision = visible(id);
        ETags.requireMatch(ifMatch, decision.version);
        DecisionView before = DecisionView.snapshot(decision);
        decision.moveTo(DecisionStatus.WITHDRAWN);
        decision.riskState = null;
        decision.riskReason = null;
        touch(decision);
        changes.record(new DecisionWithdrawn(decision.id.toString(), decision.allianceId, request.reason().strip()),
                before, DecisionView.snapshot(decision));
        return view(decision);
    }

    /** A decided decision is never edited: a new decision replaces it and both link to each other. */
    public DecisionView supersede(UUID id, String ifMatch, DecisionRequest request) {
        Decision old = visible(id);
        ETags.requireMatch(ifMatch, old.version);
        if (old.status != DecisionStatus.DECIDED) {
            throw Problems.rule("not-decided", "only a decided decision is superseded; this one is " + old.status
                    + " and can still change through its status actions");
        }
        if (old.supersededById != null) {
            throw Problems.rule("already-superseded", "decision " + old.id + " is already superseded by "
                    + old.supersededById + "; supersede that one instead");
        }
        if (!old.allianceId.equals(request.allianceId())) {
            throw Problems.invalid("allianceId", "must be " + old.allianceId + ", the alliance of the decision it "
                    + "supersedes");
        }
        DecisionView created = createDecision(request, old.id);
        DecisionView before = DecisionView.snapshot(old);
        old.supersededById = created.id();
        touch(old);
        changes.auditOnly("DecisionSuperseded", "decision", old.id.toString(), old.allianceId, before,
                DecisionView.snapshot(old));
        return created;
    }

    /** A decision taken in a meeting, as the minutes record it. Runs for the event consumer, without a user. */
    public void recordMeetingOutcome(DecisionRecorded recorded) {
        UUID id;
        try {
            id = UUID.fromString(recorded.decisionId());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("meeting %s recorded decision '%s', which is not a decision id; ignored",
                    recorded.meetingId(), recorded.decisionId());
            return;
        }
        Decision decision = Decision.findById(id);
        if (decision == null || !decision.allianceId.equals(recorded.allianceId())) {
            LOG.warnf("meeting %s recorded decision %s, unknown in alliance %s; ignored", recorded.meetingId(), id,
                    recorded.allianceId());
            return;
        }
        if (decision.status == DecisionStatus.DECIDED) {
            if (!recorded.meetingId().equals(decision.meetingId)) {
                LOG.warnf("meeting %s recorded decision %s, already decided (meeting %s); kept the first outcome",
                        recorded.meetingId(), id, decision.meetingId);
            }
            return;
        }
        if (!decision.status.canMoveTo(DecisionStatus.DECIDED)) {
            LOG.warnf("meeting %s recorded decision %s, which is %s; ignored", recorded.meetingId(), id,
                    decision.status);
            return;
        }
        DecisionView before = DecisionView.snapshot(decision);
        Instant at = recorded.recordedAt() != null ? recorded.recordedAt() : Instant.now(clock);
        close(decision, recorded.chosenOption(), recorded.rationale(), recorded.recordedBy(), recorded.meetingId(),
                at);
        changes.record(decided(decision), before, DecisionView.snapshot(decision));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DecisionPage list(String alliance, DecisionStatus status, GovernanceBody body, RiskState riskState,
                             LocalDate dueFrom, LocalDate dueTo, String sort, int limit, String after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String order = sort == null || sort.isBlank() ? "dueDate" : sort;
        if (!SORTS.contains(order)) {
            throw Problems.invalid("sort", "must be one of " + String.join(", ", SORTS.stream().sorted().toList()));
        }
        boolean descending = order.startsWith("-");
        String field = descending ? order.substring(1) : order;
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!user.isAdmin()) {
            if (user.alliances().isEmpty()) {
                return new DecisionPage(List.of(), null);
            }
            where.append(" and d.allianceId in :mine");
            params.put("mine", user.alliances());
        }
        if (alliance != null && !alliance.isBlank()) {
            where.append(" and d.allianceId = :alliance");
            params.put("alliance", alliance);
        }
        if (status != null) {
            where.append(" and d.status = :status");
            params.put("status", status);
        }
        if (body != null) {
            where.append(" and d.governanceBody = :body");
            params.put("body", body);
        }
        if (riskState != null) {
            where.append(" and d.riskState = :risk");
            params.put("risk", riskState);
        }
        if (dueFrom != null) {
            where.append(" and d.dueDate >= :dueFrom");
            params.put("dueFrom", dueFrom);
        }
        if (dueTo != null) {
            where.append(" and d.dueDate <= :dueTo");
            params.put("dueTo", dueTo);
        }
        String cmp = descending ? "<" : ">";
        if (after != null && !after.isBlank()) {
            Cursor cursor = Cursor.decode(after, field);
            where.append(" and (d.").append(field).append(" ").append(cmp).append(" :afterValue or (d.")
                    .append(field).append(" = :afterValue and d.id ").append(cmp).append(" :afterId))");
            params.put("afterValue", cursor.value());
            params.put("afterId", cursor.id());
        }
        String direction = descending ? " desc" : " asc";
        TypedQuery<Decision> query = em.createQuery("select d from Decision d" + where + " order by d." + field
                + direction + ", d.id" + direction, Decision.class);
        params.forEach(query::setParameter);
        List<Decision> found = query.setMaxResults(limit + 1).getResultList();
        boolean more = found.size() > limit;
        List<Decision> page = more ? found.subList(0, limit) : found;
        Map<UUID, List<PrepItem>> prep = prepOf(page.stream().map(d -> d.id).toList());
        boolean internal = showInternal();
        List<DecisionView> items = page.stream()
                .map(d -> DecisionView.of(d, prep.getOrDefault(d.id, List.of()), internal)).toList();
        String next = more ? Cursor.encode(page.get(page.size() - 1), field) : null;
        return new DecisionPage(items, next);
    }

    /** The decision if the caller may see it; otherwise a 404 that says no more than for a missing one. */
    Decision visible(UUID id) {
        Decision decision = Decision.findById(id);
        if (decision == null || !user.canSee(decision.allianceId)) {
            throw Problems.notFound("decision", id);
        }
        return decision;
    }

    private DecisionView createDecision(DecisionRequest request, UUID supersedes) {
        user.requireAlliance(request.allianceId(), "alliance", request.allianceId());
        if (Alliance.findById(request.allianceId()) == null) {
            throw Problems.notFound("alliance", request.allianceId());
        }
        boolean draft = Boolean.TRUE.equals(request.draft());
        validate(request, draft);
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.allianceId = request.allianceId();
        apply(decision, request);
        decision.status = draft ? DecisionStatus.DRAFT : DecisionStatus.OPEN;
        decision.supersedesId = supersedes;
        decision.createdBy = user.id();
        decision.createdAt = Instant.now(clock);
        decision.updatedAt = decision.createdAt;
        decision.persist();
        em.flush();
        if (draft) {
            changes.auditOnly("DecisionDrafted", "decision", decision.id.toString(), decision.allianceId, null,
                    DecisionView.snapshot(decision));
        } else {
            changes.record(opened(decision), null, DecisionView.snapshot(decision));
            risk.reassess(decision);
        }
        return view(decision);
    }

    private void apply(Decision decision, DecisionRequest request) {
        decision.title = request.title().strip();
        decision.question = request.question().strip();
        decision.context = blankToNull(request.context());
        decision.options = request.options() == null ? List.of() : request.options().stream()
                .map(o -> new DecisionOption(o.key(), o.title().strip(), blankToNull(o.pros()), blankToNull(o.cons())))
                .toList();
        decision.governanceBody = request.governanceBody();
        decision.currentBody = request.governanceBody();
        decision.dueDate = request.dueDate();
        decision.leadTimeDays = request.leadTimeDays();
        decision.driver = request.driver().strip();
        decision.approver = request.approver().strip();
        decision.contributors = request.contributors() == null ? List.of()
                : request.contributors().stream().map(String::strip).distinct().toList();
        decision.informed = request.informed() == null ? List.of()
                : request.informed().stream().map(String::strip).distinct().toList();
        decision.internalNotes = blankToNull(request.internalNotes());
    }

    private void validate(DecisionRequest request, boolean draft) {
        List<OptionRequest> options = request.options() == null ? List.of() : request.options();
        Set<String> keys = new HashSet<>();
        for (OptionRequest option : options) {
            if (!keys.add(option.key())) {
                throw Problems.invalid("options", "option key '" + option.key() + "' is used twice");
            }
        }
        // A due date already past is allowed: a decision brought over late from a tracker is overdue, and showing
        // it as such (and escalating it) is the point. Dates far off are typos.
        LocalDate today = LocalDate.now(clock);
        if (request.dueDate().isBefore(today.minusYears(1))) {
            throw Problems.invalid("dueDate", "is more than a year in the past (today is " + today
                    + "); check the year");
        }
        if (request.dueDate().isAfter(today.plusYears(5))) {
            throw Problems.invalid("dueDate", "is more than five years ahead; check the year");
        }
        if (!draft) {
            requireOpenable(options.stream().map(o -> new DecisionOption(o.key(), o.title(), null, null)).toList());
        }
    }

    private static void requireOpenable(List<DecisionOption> options) {
        if (options.size() < 2) {
            throw Problems.invalid("options", "an open decision needs at least two options to choose from");
        }
    }

    private void close(Decision decision, String option, String rationale, String by, String meetingId,
                       Instant at) {
        decision.moveTo(DecisionStatus.DECIDED);
        decision.chosenOption = option;
        decision.rationale = rationale;
        decision.decidedAt = at;
        decision.decidedBy = by == null || by.isBlank() ? "system:meeting-minutes" : by;
        decision.meetingId = meetingId;
        decision.riskState = null;
        decision.riskReason = null;
        decision.respondBy = null;
        touch(decision);
    }

    private void touch(Decision decision) {
        decision.updatedAt = Instant.now(clock);
        // Flush now so the version in the returned view and ETag is the one the commit writes.
        em.flush();
    }

    private DecisionView view(Decision decision) {
        return DecisionView.of(decision, PrepItem.ofDecision(decision.id), showInternal());
    }

    /** Negotiation positions are for the alliance team; a stakeholder (partner, executive reader) never sees them. */
    private boolean showInternal() {
        return user.isAdmin() || user.hasRole(Roles.ALLIANCE_MANAGER) || user.hasRole(Roles.GOVERNANCE_OPS)
                || user.hasRole(Roles.TEAM_MEMBER);
    }

    private static Map<UUID, List<PrepItem>> prepOf(List<UUID> decisionIds) {
        if (decisionIds.isEmpty()) {
            return Map.of();
        }
        List<PrepItem> items = PrepItem.list("decisionId in ?1 order by title, itemId", decisionIds);
        return items.stream().collect(Collectors.groupingBy(p -> p.decisionId));
    }

    static DecisionOpened opened(Decision d) {
        List<DecisionEvent.Option> options = d.options.stream()
                .map(o -> new DecisionEvent.Option(o.key(), o.title(), o.pros(), o.cons())).toList();
        return new DecisionOpened(d.id.toString(), d.allianceId, d.title, d.question, d.context, options,
                d.governanceBody.name(), d.dueDate, d.leadTimeDays, d.driver, d.approver, d.internalNotes,
                d.supersedesId == null ? null : d.supersedesId.toString());
    }

    private static DecisionDecided decided(Decision d) {
        return new DecisionDecided(d.id.toString(), d.allianceId, d.chosenOption, d.rationale, d.decidedAt,
                d.decidedBy, d.meetingId);
    }

    private static String optionKeys(Decision d) {
        return d.options.stream().map(DecisionOption::key).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Keyset position: the sort value and the id of the last row of a page. */
    record Cursor(Object value, UUID id) {

        static String encode(Decision last, String field) {
            String value = "dueDate".equals(field) ? last.dueDate.toString() : last.createdAt.toString();
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((field + "|" + value + "|" + last.id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text, String field) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 3 || !parts[0].equals(field)) {
                    throw Problems.invalid("after", "the cursor belongs to another sort order; start again");
                }
                Object value = "dueDate".equals(field) ? LocalDate.parse(parts[1]) : Instant.parse(parts[1]);
                return new Cursor(value, UUID.fromString(parts[2]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw Problems.invalid("after", "not a cursor from this list");
            }
        }
    }
}
