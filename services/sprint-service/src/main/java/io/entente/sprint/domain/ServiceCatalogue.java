package io.entente.sprint.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which alliance-management services an alliance receives per tier and lifecycle phase, how often and at what effort
 * (at complexity 3). The defaults follow the domain primer: in execution a tier-1 alliance takes about 40 hours a
 * month, tier 2 about 16, tier 3 about 4; launch adds half again as governance set-up (whatever the tier), wind-down
 * half again as wind-down work; before launch the manager evaluates and the legal team reviews.
 */
public record ServiceCatalogue(long version, List<Entry> entries) {

    /** Who performs a service: the alliance's manager, or the specialist team serving this discipline. */
    public static final String MANAGER = "MANAGER";

    /** The disciplines a team can serve, as the backlog names them. */
    public static final List<String> DISCIPLINES =
            List.of("GOVERNANCE", "CONTRACTS", "FINANCE", "ALLIANCE_HEALTH", "PROJECT_MANAGEMENT", "LEGAL");

    public record Entry(AllianceService service, int tier, AlliancePhase phase, int timesPerYear, double hoursEach,
                        String performedBy) {

        public double hoursPerMonth() {
            return timesPerYear * hoursEach / 12.0;
        }

        public boolean byManager() {
            return MANAGER.equals(performedBy);
        }
    }

    public ServiceCatalogue {
        entries = List.copyOf(entries);
    }

    public List<Entry> of(int tier, AlliancePhase phase) {
        return entries.stream().filter(e -> e.tier() == tier && e.phase() == phase).toList();
    }

    public Optional<Entry> find(AllianceService service, int tier, AlliancePhase phase) {
        return entries.stream()
                .filter(e -> e.service() == service && e.tier() == tier && e.phase() == phase).findFirst();
    }

    /** How often a service is delivered to an alliance of this tier in this phase; 0 when it is not. */
    public int timesPerYear(AllianceService service, int tier, AlliancePhase phase) {
        return find(service, tier, phase).map(Entry::timesPerYear).orElse(0);
    }

    /** Hours a month an alliance of this tier and phase needs at complexity 3. */
    public double hoursPerMonth(int tier, AlliancePhase phase) {
        return of(tier, phase).stream().mapToDouble(Entry::hoursPerMonth).sum();
    }

    /** Why the entries cannot make a catalogue, or null when they can. */
    public static String problemWith(List<Entry> entries) {
        List<String> seen = new ArrayList<>();
        for (Entry e : entries) {
            if (e.tier() < 1 || e.tier() > 3) {
                return "tier must be 1, 2 or 3";
            }
            if (!MANAGER.equals(e.performedBy()) && !DISCIPLINES.contains(e.performedBy())) {
                return "performedBy must be MANAGER or one of " + DISCIPLINES;
            }
            String key = e.service() + "/" + e.tier() + "/" + e.phase();
            if (seen.contains(key)) {
                return "more than one entry for " + key;
            }
            seen.add(key);
        }
        return null;
    }

    public static ServiceCatalogue defaults() {
        List<Entry> entries = new ArrayList<>();
        for (int tier = 1; tier <= 3; tier++) {
            List<Entry> base = base(tier);
            double total = base.stream().mapToDouble(Entry::hoursPerMonth).sum();
            for (AlliancePhase phase : List.of(AlliancePhase.EXECUTION, AlliancePhase.RENEWAL)) {
                base.forEach(e -> entries.add(at(e, phase)));
            }
            // Launch: governance set-up on top, half the execution effort, for every tier.
            Entry governance = base.stream().filter(e -> e.service() == AllianceService.GOVERNANCE_SUPPORT)
                    .findFirst().orElse(null);
            double governanceHours = (governance == null ? 0 : governance.hoursPerMonth()) + total / 2;
            entries.add(new Entry(AllianceService.GOVERNANCE_SUPPORT, tier, AlliancePhase.LAUNCH, 12,
                    round(governanceHours), "GOVERNANCE"));
            base.stream().filter(e -> e.service() != AllianceService.GOVERNANCE_SUPPORT)
                    .forEach(e -> entries.add(at(e, AlliancePhase.LAUNCH)));
            // Wind-down: returning rights and data and the final accounting on top, half the execution effort.
            base.forEach(e -> entries.add(at(e, AlliancePhase.WIND_DOWN)));
            entries.add(new Entry(AllianceService.WIND_DOWN, tier, AlliancePhase.WIND_DOWN, 12, round(total / 2),
                    "LEGAL"));
            int weight = tier == 1 ? 4 : tier == 2 ? 2 : 1;
            entries.add(new Entry(AllianceService.DECISION_PLANNING, tier, AlliancePhase.EVALUATION, 12, weight,
                    MANAGER));
            entries.add(new Entry(AllianceService.DECISION_PLANNING, tier, AlliancePhase.DUE_DILIGENCE, 12,
                    2 * weight, MANAGER));
            entries.add(new Entry(AllianceService.COMPLIANCE, tier, AlliancePhase.DUE_DILIGENCE, 12, weight,
                    "LEGAL"));
        }
        entries.sort(Comparator.comparing(Entry::tier).thenComparing(Entry::phase).thenComparing(Entry::service));
        return new ServiceCatalogue(1, entries);
    }

    /** Execution at complexity 3: tier 1 = 40 h/month, tier 2 = 16, tier 3 = 4. */
    private static List<Entry> base(int tier) {
        AlliancePhase p = AlliancePhase.EXECUTION;
        return switch (tier) {
            case 1 -> List.of(
                    new Entry(AllianceService.GOVERNANCE_SUPPORT, 1, p, 12, 10, "GOVERNANCE"),
                    new Entry(AllianceService.DECISION_PLANNING, 1, p, 12, 8, MANAGER),
                    new Entry(AllianceService.RISK_REVIEW, 1, p, 12, 6, MANAGER),
                    new Entry(AllianceService.HEALTH_CHECK, 1, p, 4, 12, "ALLIANCE_HEALTH"),
                    new Entry(AllianceService.COMPLIANCE, 1, p, 12, 6, "CONTRACTS"),
                    new Entry(AllianceService.PARTNER_EXPERIENCE, 1, p, 12, 6, MANAGER));
            case 2 -> List.of(
                    new Entry(AllianceService.GOVERNANCE_SUPPORT, 2, p, 6, 12, "GOVERNANCE"),
                    new Entry(AllianceService.DECISION_PLANNING, 2, p, 12, 3, MANAGER),
                    new Entry(AllianceService.RISK_REVIEW, 2, p, 4, 6, MANAGER),
                    new Entry(AllianceService.HEALTH_CHECK, 2, p, 2, 6, "ALLIANCE_HEALTH"),
                    new Entry(AllianceService.COMPLIANCE, 2, p, 12, 3, "CONTRACTS"),
                    new Entry(AllianceService.PARTNER_EXPERIENCE, 2, p, 4, 3, MANAGER));
            default -> List.of(
                    new Entry(AllianceService.DECISION_PLANNING, 3, p, 12, 1, MANAGER),
                    new Entry(AllianceService.HEALTH_CHECK, 3, p, 1, 6, "ALLIANCE_HEALTH"),
                    new Entry(AllianceService.COMPLIANCE, 3, p, 12, 2.5, "CONTRACTS"));
        };
    }

    private static Entry at(Entry e, AlliancePhase phase) {
        return new Entry(e.service(), e.tier(), phase, e.timesPerYear(), e.hoursEach(), e.performedBy());
    }

    private static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }
}
