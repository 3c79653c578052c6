package io.entente.backlog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record PlaybookApplicationView(UUID id, UUID playbookId, String playbookKey, String allianceId,
                                      LocalDate anchorDate, String appliedBy, Instant appliedAt,
                                      List<BacklogItemView> items) {
}
