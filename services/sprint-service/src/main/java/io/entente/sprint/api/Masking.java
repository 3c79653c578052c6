package io.entente.sprint.api;

import io.entente.sprint.domain.Workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Need-to-know on the workload: loads stay whole (they are the point of the page), while the key, name and partner
 * of an alliance the reader may not see are left out, also from partner shares and warning texts.
 */
final class Masking {

    private final Predicate<String> canSee;
    private final Set<String> hiddenWords = new HashSet<>();
    private final Set<String> visiblePartners = new HashSet<>();

    Masking(Workload.Result result, Predicate<String> canSee) {
        this.canSee = canSee;
        List<Workload.Alliance> all = new ArrayList<>();
        result.managers().forEach(m -> m.alliances().forEach(d -> all.add(d.alliance())));
        result.unmanaged().forEach(u -> all.add(u.alliance()));
        for (Workload.Alliance a : all) {
            if (canSee.test(a.key())) {
                visiblePartners.add(partnerOf(a));
            }
        }
        for (Workload.Alliance a : all) {
            if (!canSee.test(a.key())) {
                hiddenWords.add(a.key());
                if (a.name() != null) {
                    hiddenWords.add(a.name());
                }
                if (!visiblePartners.contains(partnerOf(a))) {
                    hiddenWords.add(partnerOf(a));
                }
            }
        }
    }

    boolean visible(String partner) {
        return visiblePartners.contains(partner);
    }

    WorkloadView.AllianceLoad alliance(Workload.Alliance a, double hours) {
        boolean shown = canSee.test(a.key());
        return new WorkloadView.AllianceLoad(shown ? a.key() : null, shown ? a.name() : "Restricted alliance",
                shown ? a.partner() : null, a.tier(), a.phase(), a.complexity(), WorkloadView.round(hours), !shown);
    }

    WorkloadView.UnmanagedAlliance unmanaged(Workload.Unmanaged u) {
        Workload.Alliance a = u.alliance();
        boolean shown = canSee.test(a.key());
        return new WorkloadView.UnmanagedAlliance(shown ? a.key() : null, shown ? a.name() : "Restricted alliance",
                shown ? a.partner() : null, a.tier(), a.phase(), u.noManager(), u.uncovered(),
                WorkloadView.round(u.uncoveredHours()), !shown);
    }

    List<WorkloadView.PartnerShareView> shares(Workload.TeamLoad team) {
        List<WorkloadView.PartnerShareView> shown = new ArrayList<>();
        double hidden = 0;
        for (Workload.PartnerShare share : team.partnerShares()) {
            if (visible(share.partner())) {
                shown.add(new WorkloadView.PartnerShareView(share.partner(), WorkloadView.round(share.hours()),
                        share.percent()));
            } else {
                hidden += share.hours();
            }
        }
        if (hidden > 0) {
            shown.add(new WorkloadView.PartnerShareView(null, WorkloadView.round(hidden),
                    (int) Math.round(hidden * 100 / team.demandHours())));
        }
        return List.copyOf(shown);
    }

    List<WorkloadView.WarningView> warnings(List<Workload.Warning> warnings) {
        return warnings.stream().map(w -> {
            boolean hidden = hiddenWords.stream().anyMatch(word -> contains(w, word));
            if (!hidden) {
                return new WorkloadView.WarningView(w.kind(), w.subject(), w.message());
            }
            boolean aboutAlliance = w.kind() == Workload.WarningKind.UNMANAGED;
            return new WorkloadView.WarningView(w.kind(), aboutAlliance ? null : w.subject(),
                    aboutAlliance ? "an alliance you may not see is unmanaged"
                            : "a partner of alliances you may not see takes more than a third of this team's effort");
        }).toList();
    }

    private static boolean contains(Workload.Warning w, String word) {
        return word.equals(w.subject()) || (w.message() != null && w.message().contains(word));
    }

    private static String partnerOf(Workload.Alliance a) {
        return a.partner() == null ? a.key() : a.partner();
    }
}
