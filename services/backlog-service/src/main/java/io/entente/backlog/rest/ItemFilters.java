package io.entente.backlog.rest;

import io.entente.backlog.api.ItemQuery;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;
import io.entente.platform.rest.FreeText;
import io.entente.platform.rest.Problems;
import io.entente.platform.rest.QueryParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The backlog filters as query parameters; repeat a parameter (or separate with commas) for "any of". */
public class ItemFilters {

    @QueryParam("allianceId")
    @Parameter(description = "alliance key(s); default: every alliance the caller belongs to")
    public List<String> allianceId;

    @QueryParam("discipline")
    @Parameter(description = "GOVERNANCE, CONTRACTS, FINANCE, ALLIANCE_HEALTH, PROJECT_MANAGEMENT, LEGAL")
    public List<String> discipline;

    @QueryParam("status")
    @Parameter(description = "NEW, READY, IN_SPRINT, DONE, DROPPED")
    public List<String> status;

    @QueryParam("type")
    @Parameter(description = "TASK, RISK_FOLLOW_UP, OBLIGATION, DECISION_PREP, ACTION_ITEM")
    public List<String> type;

    @QueryParam("dueBefore")
    @Parameter(description = "due on or before this date")
    public LocalDate dueBefore;

    @QueryParam("q")
    @Parameter(description = "text in the title or description, at most 200 characters")
    public String q;

    @QueryParam("sourceRef")
    @Parameter(description = "what raised the item, e.g. decision:<id>")
    public String sourceRef;

    @QueryParam("sprintId")
    @Parameter(description = "the sprint the item is in")
    public UUID sprintId;

    public ItemQuery query() {
        String text = FreeText.orNull(q);
        if (text != null && text.length() > 200) {
            throw Problems.invalid("q", "must be at most 200 characters");
        }
        return new ItemQuery(QueryParams.split(allianceId),
                QueryParams.enumValues("discipline", discipline, Discipline.class),
                QueryParams.enumValues("status", status, ItemStatus.class),
                QueryParams.enumValues("type", type, ItemType.class),
                dueBefore, text, FreeText.orNull(sourceRef), sprintId);
    }
}
