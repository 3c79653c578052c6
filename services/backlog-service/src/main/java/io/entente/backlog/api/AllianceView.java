package io.entente.backlog.api;

import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.AlliancePhase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An alliance; {@code nextPhases} are the phases it may move to from here. */
public record AllianceView(String key, String name, String partner, String type, int tier, String phase,
                           List<String> nextPhases, int valueScore, int complexityScore, String allianceManager,
                           LocalDate startDate, int riskThreshold, long version, Instant createdAt,
                           Instant updatedAt) {

    public static AllianceView of(Alliance a) {
        return new AllianceView(a.key, a.name, a.partner, a.type.name(), a.tier, a.phase.name(),
                a.phase.next().stream().map(AlliancePhase::name).toList(), a.valueScore, a.complexityScore,
                a.allianceManager, a.startDate, a.riskThreshold, a.version, a.createdAt, a.updatedAt);
    }
}
