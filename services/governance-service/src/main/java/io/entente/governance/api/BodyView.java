package io.entente.governance.api;

import io.entente.governance.domain.GovernanceBody;
import io.entente.governance.domain.Member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record BodyView(UUID id, String allianceId, String type, String name, int quorum, String cadence,
                       String decisionRights, List<Member> members, long version, Instant createdAt,
                       Instant updatedAt) {

    public static BodyView of(GovernanceBody body) {
        return new BodyView(body.id, body.allianceId, body.type.name(), body.name, body.quorum, body.cadence.name(),
                body.decisionRights, body.members(), body.version, body.createdAt, body.updatedAt);
    }
}
