package io.entente.sprint.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Demand against supply for every alliance manager and specialist team over a horizon of months. Plain arithmetic
 * over a portfolio snapshot, so that the live page and a what-if run the same rules.
 *
 * <ul>
 *   <li>An alliance's demand is its catalogue entries for (tier, phase), in hours a month, times the months, times
 *   its complexity factor (1 + (complexity - 3) / 4: complexity 1 = 0.5, 3 = 1, 5 = 1.5).</li>
 *   <li>Manager-performed services load the alliance's manager; a team-performed service loads the teams that cover
 *   the alliance and serve the discipline, split evenly; with no such team the service is uncovered.</li>
 *   <li>Open work already in the backlog (estimates of items neither done nor dropped) loads the teams the same way,
 *   by the item's discipline.</li>
 * </ul>
 */
public final class Workload {

    /** A full-time manager's hours a month for alliance work, after everything else (domain primer). */
    public static final int DEFAULT_MANAGER_HOURS = 120;
    /**
     * Hours of work in one story point: a member delivering 1 point a day gives 6 focused hours, so a full-time
     * team member (20 days at 1 point) has 120 hours a month, the same as a full-time manager.
     */
    public static final double HOURS_PER_POINT = 6;
    /** Above this share of a team's demand, one partner is a concentration risk. */
    public static final double CONCENTRATION_SHARE = 1.0 / 3.0;

    public enum WarningKind { OVER_CAPACITY, UNMANAGED, CONCENTRATION }

    public record Alliance(String key, String name, String partner, int tier, AlliancePhase phase, int complexity,
                           String manager) {
        public boolean active() {
            return phase != null && phase != AlliancePhase.CLOSED;
        }
    }

    /** @param capacityHours what the team can deliver over the whole horizon */
    public record Team(String id, String name, List<String> disciplines, Set<String> alliances,
                       double capacityHours) {
    }

    /** Hours of open backlog work of one alliance in one discipline. */
    public record Work(String allianceKey, String discipline, double hours) {
    }

    /** @param managerHours hours a month per manager who set their own; the others have the default */
    public record Portfolio(List<Alliance> alliances, List<Team> teams, Map<String, Integer> managerHours,
                            List<Work> work) {
    }

    public record Warning(WarningKind kind, String subject, String message) {
    }

    public record AllianceDemand(Alliance alliance, double hours) {
    }

    /** @param more how many more alliances of this tier and phase fit before 100 %; null when they need no manager time */
    public record Headroom(int tier, AlliancePhase phase, Integer more) {
    }

    public record ManagerLoad(String id, double capacityHours, double demandHours, List<AllianceDemand> alliances,
                              List<Headroom> headroom, List<Warning> warnings) {
        public int loadPercent() {
            return percent(demandHours, capacityHours);
        }
    }

    public record PartnerShare(String partner, double hours, int percent) {
    }

    public record TeamLoad(Team team, double demandHours, List<PartnerShare> partnerShares, List<Warning> warnings) {
        public int loadPercent() {
            return percent(demandHours, team.capacityHours());
        }
    }

    /** @param uncovered the services or backlog disciplines nobody covers, e.g. {@code HEALTH_CHECK by ALLIANCE_HEALTH} */
    public record Unmanaged(Alliance alliance, boolean noManager, List<String> uncovered, double uncoveredHours) {
    }

    public record Result(int months, List<ManagerLoad> managers, List<TeamLoad> teams, List<Unmanaged> unmanaged,
                         List<Warning> warnings) {
    }

    private Workload() {
    }

    public static double complexityFactor(int complexity) {
        int c = Math.max(1, Math.min(5, complexity));
        return 1 + (c - 3) / 4.0;
    }

    /** Hours a month of manager time an alliance of this kind takes. */
    public static double managerHoursPerMonth(ServiceCatalogue catalogue, int tier, AlliancePhase phase,
                                              int complexity) {
        return catalogue.of(tier, phase).stream().filter(ServiceCatalogue.Entry::byManager)
                .mapToDouble(ServiceCatalogue.Entry::hoursPerMonth).sum() * complexityFactor(complexity);
    }

    public static Result compute(ServiceCatalogue catalogue, Portfolio portfolio, int months) {
        Map<String, List<AllianceDemand>> byManager = new TreeMap<>();
        portfolio.managerHours().keySet().forEach(m -> byManager.put(m, new ArrayList<>()));
        Map<String, Double> teamDemand = new LinkedHashMap<>();
        Map<String, Map<String, Double>> teamByPartner = new LinkedHashMap<>();
        portfolio.teams().forEach(t -> {
            teamDemand.put(t.id(), 0.0);
            teamByPartner.put(t.id(), new TreeMap<>());
        });
        Map<String, Alliance> byKey = new LinkedHashMap<>();
        List<Unmanaged> unmanaged = new ArrayList<>();
        Map<String, List<String>> uncovered = new LinkedHashMap<>();
        Map<String, Double> uncoveredHours = new LinkedHashMap<>();

        for (Alliance alliance : portfolio.alliances()) {
            byKey.put(alliance.key(), alliance);
            if (!alliance.active()) {
                continue;
            }
            double factor = complexityFactor(alliance.complexity()) * months;
            double managerHours = 0;
            for (ServiceCatalogue.Entry entry : catalogue.of(alliance.tier(), alliance.phase())) {
                double hours = entry.hoursPerMonth() * factor;
                if (entry.byManager()) {
                    managerHours += hours;
                } else if (!assign(portfolio.teams(), alliance, entry.performedBy(), hours, teamDemand,
                        teamByPartner)) {
                    uncovered.computeIfAbsent(alliance.key(), k -> new ArrayList<>())
                            .add(entry.service() + " by " + entry.performedBy());
                    uncoveredHours.merge(alliance.key(), hours, Double::sum);
                }
            }
            if (hasManager(alliance)) {
                byManager.computeIfAbsent(alliance.manager(), k -> new ArrayList<>())
                        .add(new AllianceDemand(alliance, managerHours));
            }
        }
        Map<String, Set<String>> uncoveredWork = new LinkedHashMap<>();
        for (Work work : portfolio.work()) {
            Alliance alliance = byKey.get(work.allianceKey());
            if (alliance == null || work.hours() <= 0) {
                continue;
            }
            if (!assign(portfolio.teams(), alliance, work.discipline(), work.hours(), teamDemand, teamByPartner)) {
                uncoveredWork.computeIfAbsent(alliance.key(), k -> new TreeSet<>()).add(work.discipline());
                uncoveredHours.merge(alliance.key(), work.hours(), Double::sum);
            }
        }
        uncoveredWork.forEach((key, disciplines) -> disciplines.forEach(d ->
                uncovered.computeIfAbsent(key, k -> new ArrayList<>()).add("backlog work by " + d)));

        List<Warning> all = new ArrayList<>();
        for (Alliance alliance : portfolio.alliances()) {
            boolean noManager = alliance.active() && !hasManager(alliance);
            List<String> missing = uncovered.getOrDefault(alliance.key(), List.of());
            if (noManager || !missing.isEmpty()) {
                Unmanaged u = new Unmanaged(alliance, noManager, List.copyOf(missing),
                        uncoveredHours.getOrDefault(alliance.key(), 0.0));
                unmanaged.add(u);
                all.add(new Warning(WarningKind.UNMANAGED, alliance.key(), (noManager ? "no alliance manager" : "")
                        + (noManager && !missing.isEmpty() ? "; " : "")
                        + (missing.isEmpty() ? "" : "no team covers " + String.join(", ", missing))));
            }
        }

        Map<String, Double> eachKind = new LinkedHashMap<>();
        for (int tier = 1; tier <= 3; tier++) {
            for (AlliancePhase phase : AlliancePhase.values()) {
                if (phase != AlliancePhase.CLOSED) {
                    eachKind.put(tier + "/" + phase.name(), managerHoursPerMonth(catalogue, tier, phase, 3) * months);
                }
            }
        }
        List<ManagerLoad> managers = new ArrayList<>();
        byManager.forEach((id, alliances) -> {
            double capacity = portfolio.managerHours().getOrDefault(id, DEFAULT_MANAGER_HOURS) * (double) months;
            double demand = alliances.stream().mapToDouble(AllianceDemand::hours).sum();
            List<Warning> warnings = new ArrayList<>();
            if (demand > capacity) {
                warnings.add(new Warning(WarningKind.OVER_CAPACITY, id, "manager " + id + " at "
                        + percent(demand, capacity) + " % of capacity"));
            }
            all.addAll(warnings);
            alliances.sort(Comparator.comparing((AllianceDemand d) -> d.alliance().tier())
                    .thenComparing(d -> d.alliance().key()));
            managers.add(new ManagerLoad(id, capacity, demand, List.copyOf(alliances),
                    headroom(eachKind, capacity - demand), List.copyOf(warnings)));
        });

        List<TeamLoad> teams = new ArrayList<>();
        for (Team team : portfolio.teams()) {
            double demand = teamDemand.get(team.id());
            List<Warning> warnings = new ArrayList<>();
            if (demand > team.capacityHours()) {
                warnings.add(new Warning(WarningKind.OVER_CAPACITY, team.id(), "team " + team.name() + " at "
                        + percent(demand, team.capacityHours()) + " % of capacity"));
            }
            List<PartnerShare> shares = new ArrayList<>();
            teamByPartner.get(team.id()).forEach((partner, hours) -> {
                shares.add(new PartnerShare(partner, hours, percent(hours, demand)));
                if (demand > 0 && hours / demand > CONCENTRATION_SHARE) {
                    warnings.add(new Warning(WarningKind.CONCENTRATION, team.id(), "partner " + partner + " takes "
                            + percent(hours, demand) + " % of team " + team.name() + "'s effort"));
                }
            });
            shares.sort(Comparator.comparing(PartnerShare::hours).reversed().thenComparing(PartnerShare::partner));
            all.addAll(warnings);
            teams.add(new TeamLoad(team, demand, List.copyOf(shares), List.copyOf(warnings)));
        }
        return new Result(months, List.copyOf(managers), List.copyOf(teams), List.copyOf(unmanaged), List.copyOf(all));
    }

    /** For each tier and running phase: whole alliances of that kind (complexity 3) that fit in what is left. */
    private static List<Headroom> headroom(Map<String, Double> eachKind, double left) {
        List<Headroom> rows = new ArrayList<>();
        eachKind.forEach((kind, each) -> {
            String[] parts = kind.split("/");
            Integer more = each <= 0 ? null : (int) Math.max(0, Math.floor(left / each + 1e-9));
            rows.add(new Headroom(Integer.parseInt(parts[0]), AlliancePhase.valueOf(parts[1]), more));
        });
        return List.copyOf(rows);
    }

    private static boolean assign(List<Team> teams, Alliance alliance, String discipline, double hours,
                                  Map<String, Double> demand, Map<String, Map<String, Double>> byPartner) {
        List<Team> serving = teams.stream()
                .filter(t -> t.alliances().contains(alliance.key()) && t.disciplines().contains(discipline)).toList();
        if (serving.isEmpty()) {
            return false;
        }
        double share = hours / serving.size();
        String partner = alliance.partner() == null ? alliance.key() : alliance.partner();
        for (Team team : serving) {
            demand.merge(team.id(), share, Double::sum);
            byPartner.get(team.id()).merge(partner, share, Double::sum);
        }
        return true;
    }

    private static boolean hasManager(Alliance alliance) {
        return alliance.manager() != null && !alliance.manager().isBlank();
    }

    static int percent(double part, double whole) {
        if (whole <= 0) {
            return part > 0 ? 999 : 0;
        }
        return (int) Math.round(part * 100 / whole);
    }
}
