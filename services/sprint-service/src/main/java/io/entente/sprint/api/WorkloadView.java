package io.entente.sprint.api;

import io.entente.sprint.domain.AlliancePhase;
import io.entente.sprint.domain.Workload;
import io.entente.sprint.domain.Workload.WarningKind;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * Load against capacity for every alliance manager and specialist team over the next {@code months}. Hours are over
 * the whole horizon. An alliance the reader may not see counts in every load but shows as restricted (no key, name
 * or partner).
 */
public record WorkloadView(int months, LocalDate from, LocalDate to, long catalogueVersion,
                           List<ManagerLoad> managers, List<TeamLoad> teams, List<UnmanagedAlliance> unmanaged,
                           List<WarningView> warnings) {

    public record ManagerLoad(String id, double capacityHours, double demandHours, int loadPercent,
                              List<AllianceLoad> alliances, List<HeadroomView> headroom,
                              List<WarningView> warnings) {
    }

    /** @param demandHours the manager's hours for this alliance over the horizon */
    public record AllianceLoad(String key, String name, String partner, int tier, AlliancePhase phase,
                               int complexity, double demandHours, boolean restricted) {
    }

    /** @param more alliances of this tier and phase (complexity 3) that still fit; null: they need no manager time */
    public record HeadroomView(int tier, AlliancePhase phase, Integer more) {
    }

    public record TeamLoad(String id, String name, List<String> disciplines, double capacityHours,
                           double demandHours, int loadPercent, List<PartnerShareView> partnerShares,
                           List<WarningView> warnings) {
    }

    /** @param partner null for partners of alliances the reader may not see (their shares are summed) */
    public record PartnerShareView(String partner, double demandHours, int percent) {
    }

    /**
     * @param uncovered services (or backlog disciplines) no team covering the alliance performs,
     *                  e.g. {@code HEALTH_CHECK by ALLIANCE_HEALTH}
     */
    public record UnmanagedAlliance(String key, String name, String partner, int tier, AlliancePhase phase,
                                    boolean noManager, List<String> uncovered, double uncoveredHours,
                                    boolean restricted) {
    }

    /** @param subject a manager's user id, a team id or an alliance key (null when restricted) */
    public record WarningView(WarningKind kind, String subject, String message) {
    }

    public static WorkloadView of(Workload.Result result, LocalDate from, long catalogueVersion,
                                  Predicate<String> canSee) {
        Masking mask = new Masking(result, canSee);
        return new WorkloadView(result.months(), from, from.plusMonths(result.months()), catalogueVersion,
                result.managers().stream().map(m -> new ManagerLoad(m.id(), round(m.capacityHours()),
                        round(m.demandHours()), m.loadPercent(),
                        m.alliances().stream().map(d -> mask.alliance(d.alliance(), d.hours())).toList(),
                        m.headroom().stream().map(h -> new HeadroomView(h.tier(), h.phase(), h.more())).toList(),
                        mask.warnings(m.warnings()))).toList(),
                result.teams().stream().map(t -> new TeamLoad(t.team().id(), t.team().name(),
                        t.team().disciplines(), round(t.team().capacityHours()), round(t.demandHours()),
                        t.loadPercent(), mask.shares(t), mask.warnings(t.warnings()))).toList(),
                result.unmanaged().stream().map(mask::unmanaged).toList(),
                mask.warnings(result.warnings()));
    }

    static double round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }
}
