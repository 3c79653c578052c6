package io.entente.sprint.service;

import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.api.WhatIfRequest;
import io.entente.sprint.api.WhatIfView;
import io.entente.sprint.api.WorkloadView;
import io.entente.sprint.domain.ServiceCatalogue;
import io.entente.sprint.domain.Workload;
import io.entente.sprint.domain.Workload.Alliance;
import io.entente.sprint.domain.Workload.Portfolio;
import io.entente.sprint.domain.Workload.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The workload page and its what-if: the live portfolio read once, the rules of {@link Workload} applied. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkloadQueries {

    private final PortfolioSnapshot snapshot;
    private final ServiceCatalogueService catalogues;
    private final CurrentUser user;
    private final Clock clock;

    public WorkloadQueries(PortfolioSnapshot snapshot, ServiceCatalogueService catalogues, CurrentUser user,
                           Clock clock) {
        this.snapshot = snapshot;
        this.catalogues = catalogues;
        this.user = user;
        this.clock = clock;
    }

    public WorkloadView workload(int months) {
        requireMonths(months);
        LocalDate from = LocalDate.now(clock);
        ServiceCatalogue catalogue = catalogues.current();
        Portfolio portfolio = snapshot.read(from, from.plusMonths(months));
        return WorkloadView.of(Workload.compute(catalogue, portfolio, months), from, catalogue.version(),
                Visibility.of(user)::canSee);
    }

    /** Applies the changes to a copy of the live portfolio; nothing is stored. */
    public WhatIfView whatIf(WhatIfRequest request) {
        int months = request.months() == null ? 3 : request.months();
        requireMonths(months);
        LocalDate from = LocalDate.now(clock);
        ServiceCatalogue catalogue = catalogues.current();
        Portfolio portfolio = snapshot.read(from, from.plusMonths(months));
        Portfolio changed = apply(portfolio, request.changes());
        Visibility visibility = Visibility.of(user);
        Set<String> added = changed.alliances().stream().map(Alliance::key)
                .filter(k -> portfolio.alliances().stream().noneMatch(a -> a.key().equals(k)))
                .collect(Collectors.toSet());
        WorkloadView before = WorkloadView.of(Workload.compute(catalogue, portfolio, months), from,
                catalogue.version(), visibility::canSee);
        WorkloadView after = WorkloadView.of(Workload.compute(catalogue, changed, months), from,
                catalogue.version(), k -> added.contains(k) || visibility.canSee(k));
        return new WhatIfView(before, after, changes(before, after));
    }

    private Portfolio apply(Portfolio portfolio, List<WhatIfRequest.Change> changes) {
        Map<String, Alliance> alliances = new LinkedHashMap<>();
        portfolio.alliances().forEach(a -> alliances.put(a.key(), a));
        List<Team> teams = new ArrayList<>(portfolio.teams());
        int added = 0;
        for (int i = 0; i < changes.size(); i++) {
            WhatIfRequest.Change change = changes.get(i);
            String field = "changes[" + i + "]";
            if (change.kind() == WhatIfRequest.Kind.ADD) {
                if (change.tier() == null || change.phase() == null) {
                    throw Problems.invalid(field, "adding an alliance needs a tier and a phase");
                }
                String key = change.allianceKey() != null ? change.allianceKey() : "NEW-" + (++added);
                if (alliances.containsKey(key)) {
                    throw Problems.invalid(field + ".allianceKey", key + " already exists");
                }
                alliances.put(key, new Alliance(key, change.name() == null ? "New alliance " + key : change.name(),
                        change.partner(), change.tier(), change.phase(),
                        change.complexity() == null ? 3 : change.complexity(), change.manager()));
                List<UUID> covering = change.teamIds() == null ? List.of() : change.teamIds();
                for (UUID teamId : covering) {
                    int at = indexOf(teams, teamId.toString());
                    if (at < 0) {
                        throw Problems.invalid(field + ".teamIds", "no team " + teamId);
                    }
                    Team t = teams.get(at);
                    Set<String> covered = new HashSet<>(t.alliances());
                    covered.add(key);
                    teams.set(at, new Team(t.id(), t.name(), t.disciplines(), covered, t.capacityHours()));
                }
                continue;
            }
            if (change.allianceKey() == null) {
                throw Problems.invalid(field + ".allianceKey", "which alliance to change");
            }
            Alliance a = alliances.get(change.allianceKey());
            if (a == null || !user.canSee(a.key())) {
                throw Problems.notFound("alliance", change.allianceKey());
            }
            Alliance next = switch (change.kind()) {
                case RETIER -> {
                    if (change.tier() == null) {
                        throw Problems.invalid(field + ".tier", "re-tiering needs the new tier");
                    }
                    yield new Alliance(a.key(), a.name(), a.partner(), change.tier(), a.phase(),
                            change.complexity() == null ? a.complexity() : change.complexity(), a.manager());
                }
                case MOVE -> new Alliance(a.key(), a.name(), a.partner(), a.tier(), a.phase(), a.complexity(),
                        change.manager());
                case PHASE -> {
                    if (change.phase() == null) {
                        throw Problems.invalid(field + ".phase", "a phase change needs the new phase");
                    }
                    yield new Alliance(a.key(), a.name(), a.partner(), a.tier(), change.phase(), a.complexity(),
                            a.manager());
                }
                case ADD -> a;
            };
            alliances.put(a.key(), next);
        }
        return new Portfolio(List.copyOf(alliances.values()), List.copyOf(teams), portfolio.managerHours(),
                portfolio.work());
    }

    private static List<WhatIfView.LoadChange> changes(WorkloadView before, WorkloadView after) {
        List<WhatIfView.LoadChange> moved = new ArrayList<>();
        Map<String, WorkloadView.ManagerLoad> managers = new HashMap<>();
        before.managers().forEach(m -> managers.put(m.id(), m));
        for (WorkloadView.ManagerLoad m : after.managers()) {
            WorkloadView.ManagerLoad was = managers.remove(m.id());
            double hours = was == null ? 0 : was.demandHours();
            int load = was == null ? 0 : was.loadPercent();
            if (hours != m.demandHours() || load != m.loadPercent()) {
                moved.add(new WhatIfView.LoadChange("MANAGER", m.id(), m.id(), hours, m.demandHours(), load,
                        m.loadPercent()));
            }
        }
        managers.values().forEach(m -> moved.add(new WhatIfView.LoadChange("MANAGER", m.id(), m.id(),
                m.demandHours(), 0, m.loadPercent(), 0)));
        Map<String, WorkloadView.TeamLoad> teams = new HashMap<>();
        before.teams().forEach(t -> teams.put(t.id(), t));
        for (WorkloadView.TeamLoad t : after.teams()) {
            WorkloadView.TeamLoad was = teams.get(t.id());
            if (was != null && (was.demandHours() != t.demandHours() || was.loadPercent() != t.loadPercent())) {
                moved.add(new WhatIfView.LoadChange("TEAM", t.id(), t.name(), was.demandHours(), t.demandHours(),
                        was.loadPercent(), t.loadPercent()));
            }
        }
        return List.copyOf(moved);
    }

    private static int indexOf(List<Team> teams, String id) {
        for (int i = 0; i < teams.size(); i++) {
            if (teams.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void requireMonths(int months) {
        if (months < 1 || months > 12) {
            throw Problems.invalid("months", "must be between 1 and 12");
        }
    }
}
