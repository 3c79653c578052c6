package io.entente.governance.service;

import io.entente.governance.domain.AgendaDrafter;
import io.entente.governance.domain.AgendaItem;
import io.entente.governance.domain.DueRules;
import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.MemberRole;
import io.entente.governance.domain.Outcome;
import io.entente.governance.domain.ServiceLevel;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.domain.packet.PacketContent.ActionEntry;
import io.entente.governance.domain.packet.PacketContent.AgendaEntry;
import io.entente.governance.domain.packet.PacketContent.Cover;
import io.entente.governance.domain.packet.PacketContent.CoverMember;
import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.governance.domain.packet.PacketContent.EscalationEntry;
import io.entente.governance.domain.packet.PacketContent.HealthEntry;
import io.entente.governance.domain.packet.PacketContent.MinutesAttendance;
import io.entente.governance.domain.packet.PacketContent.MinutesEntry;
import io.entente.governance.domain.packet.PacketContent.MinutesOutcome;
import io.entente.governance.domain.packet.PacketContent.ObligationEntry;
import io.entente.governance.domain.packet.PacketContent.RiskEntry;
import io.entente.governance.domain.packet.PacketContent.SprintProgress;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Assembles what is due for a meeting from the read models, and the packet content from that. */
@ApplicationScoped
public class PacketBuilder {

    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** Everything due for one meeting, at one moment. */
    public record Due(LocalDate horizon, List<DecisionEntry> decisions, List<EscalationEntry> escalations,
                      List<SprintProgress> progress, List<RiskEntry> risks, List<ObligationEntry> obligations,
                      List<ActionEntry> actionItems, Meeting previous) {
    }

    private final ReadModels readModels;
    private final Clock clock;
    private final GovernanceHealth health;

    public PacketBuilder(ReadModels readModels, Clock clock, GovernanceHealth health) {
        this.readModels = readModels;
        this.clock = clock;
        this.health = health;
    }

    public Due due(Meeting meeting, GovernanceBody body) {
        ZoneId zone = ZoneId.of(meeting.timeZone);
        LocalDate meetingDate = meeting.startsAt.atZoneSameInstant(zone).toLocalDate();
        Meeting next = Meeting.<Meeting>find("bodyId = ?1 and startsAt > ?2 order by startsAt", body.id,
                meeting.startsAt).firstResult();
        Meeting previous = Meeting.<Meeting>find("bodyId = ?1 and startsAt < ?2 order by startsAt desc", body.id,
                meeting.startsAt).firstResult();
        LocalDate horizon = DueRules.horizon(meetingDate,
                next == null ? null : next.startsAt.atZoneSameInstant(zone).toLocalDate(), body.cadence);
        LocalDate since = DueRules.progressSince(meetingDate,
                previous == null ? null : previous.startsAt.atZoneSameInstant(zone).toLocalDate(), body.cadence);

        List<DecisionEntry> decisions = new ArrayList<>();
        List<EscalationEntry> escalations = new ArrayList<>();
        for (ReadModels.OpenDecision open : readModels.openDecisions(meeting.allianceId)) {
            DecisionEntry d = open.entry();
            if (DueRules.belongsTo(d.governanceBody(), d.escalatedTo(), body.type, body.id.toString())
                    && DueRules.dueBefore(d.dueDate(), horizon)) {
                decisions.add(d);
            }
            if (open.escalation() != null) {
                escalations.add(open.escalation());
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new Due(horizon, decisions, escalations,
                readModels.progress(meeting.allianceId, since, meetingDate),
                readModels.risksOverThreshold(meeting.allianceId),
                readModels.obligationsDueBy(meeting.allianceId, horizon),
                readModels.openActionItems(meeting.allianceId, meeting.id, meeting.startsAt, today),
                previous);
    }

    public List<AgendaItem> draftAgenda(Meeting meeting, GovernanceBody body, Due due) {
        String chairs = body.members().stream().filter(m -> m.role() == MemberRole.CO_CHAIR)
                .map(m -> m.name()).collect(Collectors.joining(" and "));
        Set<String> onAgenda = new HashSet<>();
        List<AgendaDrafter.DueDecision> decisions = new ArrayList<>();
        for (DecisionEntry d : due.decisions()) {
            onAgenda.add(d.decisionId());
            decisions.add(new AgendaDrafter.DueDecision(d.decisionId(), d.title(), d.driver(),
                    d.escalatedTo() != null));
        }
        List<AgendaDrafter.DueDecision> escalationsOnly = due.escalations().stream()
                .filter(e -> !onAgenda.contains(e.decisionId()))
                .map(e -> new AgendaDrafter.DueDecision(e.decisionId(), e.title(), null, true))
                .toList();
        Meeting previous = due.previous();
        boolean minutesPending = previous != null && previous.hasMinutes() && !previous.minutesApproved();
        return AgendaDrafter.draft(new AgendaDrafter.Due(chairs.isEmpty() ? "Co-chairs" : chairs,
                previous == null ? null : previous.title, minutesPending, due.actionItems().size(),
                !due.progress().isEmpty(), decisions, escalationsOnly, due.risks().size(),
                due.obligations().size()));
    }

    public PacketContent content(Meeting meeting, GovernanceBody body, Due due, int version, Instant generatedAt) {
        ZoneId zone = ZoneId.of(meeting.timeZone);
        ZonedDateTime start = meeting.startsAt.atZoneSameInstant(zone);
        ReadModels.AllianceInfo alliance = readModels.alliance(meeting.allianceId)
                .orElse(new ReadModels.AllianceInfo(meeting.allianceId, meeting.allianceId, null, null, null));
        Cover cover = new Cover(meeting.id.toString(), meeting.allianceId, alliance.name(), alliance.partner(),
                body.id.toString(), body.type.name(), body.name, meeting.title, start.toOffsetDateTime(),
                meeting.timeZone, LONG.format(start) + " (" + meeting.timeZone + ")", meeting.durationMinutes,
                meeting.location, meeting.callLink, due.horizon(), version, generatedAt,
                body.members().stream().map(m -> new CoverMember(m.name(), m.organisation(), m.side().name(),
                        m.role().name())).toList());
        List<AgendaEntry> agenda = new ArrayList<>();
        ZonedDateTime slot = start;
        int number = 1;
        for (AgendaItem a : meeting.agenda()) {
            agenda.add(new AgendaEntry(a.id(), number++, a.section(), a.title(), a.presenter(), a.durationMinutes(),
                    TIME.format(slot), a.purpose().name(), a.decisionId(), a.backlogItemId(), a.internalNote()));
            slot = slot.plusMinutes(a.durationMinutes());
        }
        // The tier sets the depth: tier 3 gets a one-page summary, the others the full pre-read.
        return ServiceLevel.packetDepth(alliance.tier()).apply(new PacketContent(cover, agenda, due.decisions(),
                due.escalations(), due.progress(), due.risks(), due.obligations(), due.actionItems(),
                minutes(due.previous()), meeting.internalBriefing, health(body)));
    }

    /** "How this committee is doing": its own governance-health figures over the last four quarters. */
    private List<HealthEntry> health(GovernanceBody body) {
        return health.lastYear(body).stream()
                .map(f -> new HealthEntry(f.figure() + " " + f.quarter(), f.figure(), f.label(), f.unit(),
                        f.quarter(), f.value(), f.sampleSize(), f.target()))
                .toList();
    }

    private MinutesEntry minutes(Meeting previous) {
        if (previous == null || !previous.hasMinutes()) {
            return null;
        }
        Map<String, String> agendaTitles = new HashMap<>();
        previous.agenda().forEach(a -> agendaTitles.put(a.id(), a.title()));
        List<MinutesOutcome> outcomes = new ArrayList<>();
        for (Outcome o : previous.outcomes()) {
            String decisionTitle = o.decisionId() == null ? null
                    : readModels.decision(o.decisionId()).map(DecisionEntry::title).orElse(o.decisionId());
            outcomes.add(new MinutesOutcome(agendaTitles.getOrDefault(o.agendaItemId(), o.agendaItemId()),
                    o.type().name(), o.notes(), decisionTitle, o.chosenOption(), o.rationale(), o.actionTitle(),
                    o.owner(), o.dueDate()));
        }
        List<MinutesAttendance> attendance = previous.attendance().stream()
                .map(a -> new MinutesAttendance(a.name(), a.organisation(), a.present())).toList();
        return new MinutesEntry(previous.id.toString(), previous.title,
                previous.startsAt.atZoneSameInstant(ZoneId.of(previous.timeZone)).toLocalDate(),
                previous.minutesApproved(), attendance, outcomes);
    }
}
