package io.entente.sprint.domain;

import io.entente.sprint.domain.Workload.Alliance;
import io.entente.sprint.domain.Workload.ManagerLoad;
import io.entente.sprint.domain.Workload.Portfolio;
import io.entente.sprint.domain.Workload.Result;
import io.entente.sprint.domain.Workload.Team;
import io.entente.sprint.domain.Workload.TeamLoad;
import io.entente.sprint.domain.Workload.WarningKind;
import io.entente.sprint.domain.Workload.Work;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.entente.sprint.domain.AlliancePhase.EXECUTION;
import static io.entente.sprint.domain.AlliancePhase.LAUNCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A known portfolio: Mia carries four tier-1 alliances in execution, Max two tier-3 ones, and a tier-3 alliance has
 * no manager. The governance team covers Mia's alliances (two of them with the same partner); the health-and-
 * contracts team covers everything but one of Max's.
 */
class WorkloadTest {

    static final ServiceCatalogue CATALOGUE = ServiceCatalogue.defaults();

    static final List<Alliance> ALLIANCES = List.of(
            new Alliance("T1-A", "A", "Helix", 1, EXECUTION, 3, "mia"),
            new Alliance("T1-B", "B", "Helix", 1, EXECUTION, 3, "mia"),
            new Alliance("T1-C", "C", "Norvane", 1, EXECUTION, 3, "mia"),
            new Alliance("T1-D", "D", "Quantia", 1, EXECUTION, 3, "mia"),
            new Alliance("T3-E", "E", "Aster", 3, EXECUTION, 3, "max"),
            new Alliance("T3-F", "F", "Corvid", 3, EXECUTION, 3, "max"),
            new Alliance("T3-G", "G", "Orphan", 3, EXECUTION, 3, null),
            new Alliance("OLD-H", "H", "Gone", 1, AlliancePhase.CLOSED, 3, "max"));

    static final Team GOVERNANCE = new Team("gov", "Governance ops", List.of("GOVERNANCE"),
            Set.of("T1-A", "T1-B", "T1-C", "T1-D"), 360);
    static final Team HEALTH = new Team("health", "Health and contracts", List.of("ALLIANCE_HEALTH", "CONTRACTS"),
            Set.of("T1-A", "T1-B", "T1-C", "T1-D", "T3-E", "T3-G"), 360);

    static Result compute(List<Alliance> alliances, Map<String, Integer> capacities, List<Work> work) {
        return Workload.compute(CATALOGUE, new Portfolio(alliances, List.of(GOVERNANCE, HEALTH), capacities, work), 3);
    }

    static ManagerLoad manager(Result result, String id) {
        return result.managers().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    static TeamLoad team(Result result, String id) {
        return result.teams().stream().filter(t -> t.team().id().equals(id)).findFirst().orElseThrow();
    }

    static Integer more(ManagerLoad manager, int tier, AlliancePhase phase) {
        return manager.headroom().stream().filter(h -> h.tier() == tier && h.phase() == phase).findFirst()
                .orElseThrow().more();
    }

    @Test
    void managerLoadIsTheirOwnServicesOverTheirCapacity() {
        Result result = compute(ALLIANCES, Map.of(), List.of());
        // Tier 1 in execution: decision planning 8 + risk reviews 6 + partner experience 6 = 20 h a month each.
        ManagerLoad mia = manager(result, "mia");
        assertEquals(4 * 20 * 3, mia.demandHours(), 1e-9);
        assertEquals(120 * 3, mia.capacityHours(), 1e-9);
        assertEquals(67, mia.loadPercent());
        // Tier 3: decision planning 1 h a month each; the closed alliance costs nothing.
        ManagerLoad max = manager(result, "max");
        assertEquals(2 * 1 * 3, max.demandHours(), 1e-9);
        assertEquals(2, max.alliances().size());
        assertEquals(2, max.loadPercent());
    }

    @Test
    void howManyMoreAlliancesFitBeforeOneHundredPercent() {
        ManagerLoad mia = manager(compute(ALLIANCES, Map.of(), List.of()), "mia");
        // 120 h left over the quarter: two more tier-1 alliances in execution (60 h each), 40 tier-3 ones (3 h each).
        assertEquals(2, more(mia, 1, EXECUTION));
        assertEquals(40, more(mia, 3, EXECUTION));
        // Launch needs no more of the manager than execution (the set-up is the governance team's).
        assertEquals(2, more(mia, 1, LAUNCH));
        // With a 100-hour month Mia has room for nothing more of tier 1.
        ManagerLoad partTime = manager(compute(ALLIANCES, Map.of("mia", 80), List.of()), "mia");
        assertEquals(0, more(partTime, 1, EXECUTION));
        assertEquals(100, partTime.loadPercent());
    }

    @Test
    void headroomIsNullWhereAnAllianceNeedsNoManagerTime() {
        ServiceCatalogue teamsOnly = new ServiceCatalogue(2, List.of(
                new ServiceCatalogue.Entry(AllianceService.COMPLIANCE, 3, EXECUTION, 12, 2, "CONTRACTS")));
        ManagerLoad max = Workload.compute(teamsOnly, new Portfolio(ALLIANCES, List.of(HEALTH), Map.of(),
                List.of()), 3).managers().stream().filter(m -> m.id().equals("max")).findFirst().orElseThrow();
        assertNull(more(max, 3, EXECUTION));
    }

    @Test
    void overCapacityIsWarnedForManagersAndTeams() {
        List<Alliance> more = new ArrayList<>(ALLIANCES);
        for (int i = 0; i < 3; i++) {
            more.add(new Alliance("T1-X" + i, "X" + i, "Partner " + i, 1, EXECUTION, 3, "mia"));
        }
        Result result = compute(more, Map.of(), List.of());
        ManagerLoad mia = manager(result, "mia");
        assertEquals(7 * 60, mia.demandHours(), 1e-9);
        assertEquals(117, mia.loadPercent());
        assertEquals(List.of(WarningKind.OVER_CAPACITY), mia.warnings().stream().map(w -> w.kind()).toList());
        assertTrue(manager(result, "max").warnings().isEmpty());

        // Open backlog work loads the team serving its discipline: 61 points x 6 h on top of 120 h of governance.
        Result busy = compute(ALLIANCES, Map.of(), List.of(new Work("T1-C", "GOVERNANCE", 61 * 6)));
        assertEquals(120 + 366, team(busy, "gov").demandHours(), 1e-9);
        assertTrue(team(busy, "gov").warnings().stream().anyMatch(w -> w.kind() == WarningKind.OVER_CAPACITY));
    }

    @Test
    void complexityScalesDemandAroundThree() {
        assertEquals(0.5, Workload.complexityFactor(1), 1e-9);
        assertEquals(1.0, Workload.complexityFactor(3), 1e-9);
        assertEquals(1.5, Workload.complexityFactor(5), 1e-9);
        List<Alliance> complex = new ArrayList<>(ALLIANCES);
        complex.set(0, new Alliance("T1-A", "A", "Helix", 1, EXECUTION, 5, "mia"));
        assertEquals(3 * 60 + 90, manager(compute(complex, Map.of(), List.of()), "mia").demandHours(), 1e-9);
    }

    @Test
    void anAllianceWithoutManagerOrWithoutATeamForARequiredServiceIsUnmanaged() {
        Result result = compute(ALLIANCES, Map.of(), List.of(new Work("T3-F", "LEGAL", 12)));
        assertEquals(List.of("T3-F", "T3-G"), result.unmanaged().stream().map(u -> u.alliance().key()).toList());

        Workload.Unmanaged orphan = result.unmanaged().get(1);
        assertTrue(orphan.noManager());
        assertTrue(orphan.uncovered().isEmpty(), "the health team covers it: " + orphan.uncovered());

        // T3-F has Max but no team for its health check and compliance, nor for its open legal work.
        Workload.Unmanaged uncovered = result.unmanaged().get(0);
        assertFalse(uncovered.noManager());
        assertEquals(List.of("HEALTH_CHECK by ALLIANCE_HEALTH", "COMPLIANCE by CONTRACTS", "backlog work by LEGAL"),
                uncovered.uncovered().stream().sorted((a, b) -> order(a) - order(b)).toList());
        // (0.5 + 2.5) h a month over three months, plus 12 h of backlog.
        assertEquals(9 + 12, uncovered.uncoveredHours(), 1e-9);
        assertEquals(2, result.warnings().stream().filter(w -> w.kind() == WarningKind.UNMANAGED).count());
        // A closed alliance without a manager is no one's problem.
        assertTrue(result.unmanaged().stream().noneMatch(u -> u.alliance().key().equals("OLD-H")));
    }

    private static int order(String uncovered) {
        return uncovered.startsWith("HEALTH") ? 0 : uncovered.startsWith("COMPLIANCE") ? 1 : 2;
    }

    @Test
    void onePartnerTakingMoreThanAThirdOfATeamIsAConcentrationWarning() {
        Result result = compute(ALLIANCES, Map.of(), List.of());
        TeamLoad governance = team(result, "gov");
        // Governance support: 10 h a month for each tier-1 alliance; Helix has two of the four.
        assertEquals(120, governance.demandHours(), 1e-9);
        assertEquals("Helix", governance.partnerShares().get(0).partner());
        assertEquals(50, governance.partnerShares().get(0).percent());
        assertEquals(List.of("partner Helix takes 50 % of team Governance ops's effort"),
                governance.warnings().stream().filter(w -> w.kind() == WarningKind.CONCENTRATION)
                        .map(Workload.Warning::message).toList());
        // The health team: 30 h a quarter per tier-1 alliance, 9 per tier-3 one; Helix has 60 of 138, Norvane 30.
        TeamLoad health = team(result, "health");
        assertEquals(138, health.demandHours(), 1e-9);
        assertEquals(List.of("partner Helix takes 43 % of team Health and contracts's effort"),
                health.warnings().stream().filter(w -> w.kind() == WarningKind.CONCENTRATION)
                        .map(Workload.Warning::message).toList());
        assertEquals(22, health.partnerShares().stream().filter(p -> p.partner().equals("Norvane")).findFirst()
                .orElseThrow().percent());
    }

    @Test
    void teamsCoveringTheSameDisciplineSplitTheWork() {
        Team second = new Team("gov2", "Governance two", List.of("GOVERNANCE"), Set.of("T1-A"), 360);
        Result result = Workload.compute(CATALOGUE, new Portfolio(ALLIANCES, List.of(GOVERNANCE, HEALTH, second),
                Map.of(), List.of()), 3);
        assertEquals(15, team(result, "gov2").demandHours(), 1e-9);
        assertEquals(105, team(result, "gov").demandHours(), 1e-9);
    }
}
