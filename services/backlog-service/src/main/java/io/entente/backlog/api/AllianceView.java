package io.entente.backlog.api;

import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.AlliancePhase;
import io.entente.platform.security.Internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An alliance; {@code nextPhases} are the phases it may move to from here. Our rating of it (tier, value and
 * complexity scores, the risk threshold) is internal: the partner company sees name, partner, type and phase.
 */
public record AllianceView(String key, String name, String partner, String type, @Internal int tier, String phase,
                           List<String> nextPhases, @Internal int valueScore, @Internal int complexityScore,
                           String allianceManager, LocalDate startDate, @Internal int riskThreshold, long version,
                           Instant createdAt, Instant updatedAt) {

    public static AllianceView of(Alliance a) {
        return new AllianceView(a.key, a.name, a.partner, a.type.name(), a.tier, a.phase.name(),
                a.phase.next().stream().map(AlliancePhase::name).toList(), a.valueScore, a.complexityScore,
                a.allianceManager, a.startDate, a.riskThreshold, a.version, a.createdAt, a.updatedAt);
    }
}
