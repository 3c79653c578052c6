package io.entente.backlog.rest;

import io.entente.backlog.service.ItemQuery;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

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
    @Parameter(description = "due on or before this date (YYYY-MM-DD)")
    public String dueBefore;

    @QueryParam("q")
    @Parameter(description = "text in the title or description")
    public String q;

    @QueryParam("sourceRef")
    @Parameter(description = "what raised the item, e.g. decision:<id>")
    public String sourceRef;

    @QueryParam("sprintId")
    public String sprintId;

    public ItemQuery query() {
        return new ItemQuery(allianceId, discipline, status, type, dueBefore, q, sourceRef, sprintId);
    }
}
