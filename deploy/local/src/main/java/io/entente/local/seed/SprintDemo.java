package io.entente.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two specialist teams with member capacity, three closed sprints of history each (velocity, carry-over) and one
 * active sprint per team with cards across the board, all through the sprint service's public API. Runs after
 * {@code BacklogDemo}: the backlog items arrive through Kafka, so each one is awaited in the sprint service's read
 * model before it is pulled into a sprint.
 *
 * <p>Shares {@code team:governance-ops}, {@code team:contracts}, {@code sprint:governance-ops:active} and
 * {@code sprint:contracts:active} through {@link SeedClient#ids}.
 */
public final class SprintDemo {

    private static final List<String> ALL_ALLIANCES = List.of("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER",
            "LIC-CORVID");
    private static final int SPRINT_DAYS = 14;
    private static final int HISTORY_SPRINTS = 3;
    private static final int MAX_ACTIVE_ITEMS = 8;

    private record Member(String userId, String displayName, String role, double pointsPerDay) {
    }

    private record Spec(String key, String name, String shortName, String description, List<String> disciplines,
                        List<Member> members, Map<String, Integer> wipLimits, List<String> historyGoals,
                        String activeGoal, String absentMember, int absenceDays) {
    }

    private record Candidate(String itemId, int estimate) {
    }

    private static final Spec GOVERNANCE_OPS = new Spec("governance-ops", "Governance Operations", "GovOps",
            "Prepares and follows up steering and development committee meetings across the portfolio: agendas, "
                    + "pre-reads, minutes, action items.",
            List.of("GOVERNANCE", "PROJECT_MANAGEMENT"),
            List.of(new Member("gwen", "Gwen", "LEAD", 1.5), new Member("tara", "Tara", "MEMBER", 0.8)),
            Map.of("IN_PROGRESS", 4, "IN_REVIEW", 2),
            List.of("Norvane launch: governance charter signed, JSC and JDC membership confirmed",
                    "Helix Q3 JSC follow-up: minutes approved, every action item owned and dated",
                    "Quantia JDC packet and decision log clean-up"),
            "Helix JSC pre-read out a week ahead; Corvid wind-down committee closed out",
            "gwen", 2);

    private static final Spec CONTRACTS = new Spec("contracts", "Contracts & Obligations", "C&O",
            "Tracks contractual obligations, payments and diligence efforts owed by us, by the partner, or jointly.",
            List.of("CONTRACTS", "FINANCE", "LEGAL"),
            List.of(new Member("nora", "Nora", "LEAD", 1.0), new Member("tara", "Tara", "MEMBER", 0.5)),
            // Room for one more in progress, so a member can pull the next card in the demo.
            Map.of("IN_PROGRESS", 4, "IN_REVIEW", 2),
            List.of("Corvid wind-down: rights and data return schedule agreed",
                    "Quantia milestone invoice and obligation review",
                    "Helix diligence-efforts report for the JSC"),
            "Obligations due this quarter: Helix milestone report, Norvane supply terms, Corvid final accounting",
            "nora", 1);

    /**
     * Health checks and partner pulse surveys across the portfolio: a team of one, with no sprints yet, so that the
     * workload page counts the health checks as delivered (but for the alliances no team covers).
     */
    // Named to sort after the two sprint teams: the planning page and the board open on the first team.
    private static final Spec PARTNER_HEALTH = new Spec("partner-health", "Partner Health", "Health",
            "Runs health checks on both sides and pulse surveys after committee meetings.",
            List.of("ALLIANCE_HEALTH"), List.of(new Member("gwen", "Gwen", "LEAD", 1.0)), Map.of(), List.of(), "",
            "gwen", 0);

    private SprintDemo() {
    }

    /**
     * Hours a month for alliance work: alex is full time (and still over capacity with his portfolio), tara manages
     * two alliances beside her team work, nora runs a licence on the side.
     */
    private static final Map<String, Integer> MANAGER_HOURS = Map.of("alex", 120, "tara", 48, "nora", 12);

    public static void seed(SeedClient client) {
        awaitBacklogItems(client);
        seedTeam(client, GOVERNANCE_OPS);
        seedTeam(client, CONTRACTS);
        client.ids.put("team:" + PARTNER_HEALTH.key(), findOrCreateTeam(client, PARTNER_HEALTH));
        MANAGER_HOURS.forEach((manager, hours) -> setCapacity(client, manager, hours));
    }

    /** A manager is known to the sprint service once an alliance naming them has arrived through Kafka. */
    private static void setCapacity(SeedClient client, String manager, int hoursPerMonth) {
        JsonNode current = client.awaitOk(SeedClient.SPRINT, "/api/alliance-managers/" + manager,
                Duration.ofSeconds(60));
        String etag = current.hasNonNull("_etag") ? current.path("_etag").asText()
                : "\"" + current.path("version").asLong() + "\"";
        client.put(SeedClient.SPRINT, "/api/alliance-managers/" + manager + "/capacity",
                client.object().put("hoursPerMonth", hoursPerMonth), etag);
    }

    /** Backlog items reach the sprint service through Kafka a moment after the backlog service created them. */
    private static void awaitBacklogItems(SeedClient client) {
        String items = client.ids.getOrDefault("items", "");
        for (String id : items.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            try {
                client.awaitOk(SeedClient.SPRINT, "/api/sprint-candidates/" + id.strip(), Duration.ofSeconds(60));
            } catch (SeedClient.SeedFailure e) {
                // A dropped or never-delivered item is simply not planned.
            }
        }
    }

    private static void seedTeam(SeedClient client, Spec spec) {
        String teamId = findOrCreateTeam(client, spec);
        client.ids.put("team:" + spec.key(), teamId);
        if (!spec.historyGoals().isEmpty()) {
            // Past quarters for the governance health charts, on an alliance no journey plans for.
            try {
                HistoryDemo.sprints(client, teamId, spec.shortName(), spec.key().equals("contracts") ? "LIC-CORVID"
                        : "CMB-NORVANE", spec.disciplines().get(0), spec.members().stream().map(Member::userId).toList());
            } catch (SeedClient.SeedFailure e) {
                // The history is extra: the team's own demo still goes ahead (DemoSeed reports this).
                client.ids.put("failure:sprint history " + spec.key(), e.getMessage());
            }
        }
        List<Candidate> candidates = candidates(client, teamId);

        // Highest-ranked work goes into the active sprint; some lower-ranked items make up the history.
        int historyItems = Math.min(HISTORY_SPRINTS * 3, candidates.size() / 2);
        List<Candidate> history = new ArrayList<>(candidates.subList(candidates.size() - historyItems,
                candidates.size()));
        List<Candidate> active = new ArrayList<>(candidates.subList(0, candidates.size() - historyItems));

        LocalDate activeStart = client.today();
        List<String> sprintIds = new ArrayList<>();
        for (int k = HISTORY_SPRINTS; k >= 0; k--) {
            LocalDate start = activeStart.minusDays((long) SPRINT_DAYS * k);
            String goal = k == 0 ? spec.activeGoal() : spec.historyGoals().get(HISTORY_SPRINTS - k);
            sprintIds.add(planSprint(client, teamId, spec, start, goal));
        }

        for (int i = 0; i < HISTORY_SPRINTS; i++) {
            String sprintId = sprintIds.get(i);
            List<String> committed = new ArrayList<>();
            for (int j = i; j < history.size(); j += HISTORY_SPRINTS) {
                if (commit(client, sprintId, history.get(j))) {
                    committed.add(history.get(j).itemId());
                }
            }
            start(client, sprintId);
            // Everything but the last card is finished; the last one is carried into the following sprint.
            for (int j = 0; j < committed.size(); j++) {
                boolean last = j == committed.size() - 1 && committed.size() > 1;
                moveTo(client, sprintId, committed.get(j), last ? "IN_PROGRESS" : "DONE", member(spec, j));
            }
            close(client, sprintId, sprintIds.get(i + 1));
        }

        String activeId = sprintIds.get(HISTORY_SPRINTS);
        client.ids.put("sprint:" + spec.key() + ":active", activeId);
        reduceCapacityForAbsence(client, activeId, spec);
        int taken = 0;
        for (Candidate candidate : active) {
            if (taken == MAX_ACTIVE_ITEMS) {
                break;
            }
            if (commit(client, activeId, candidate)) {
                taken++;
            }
        }
        start(client, activeId);
        JsonNode board = client.get(SeedClient.SPRINT, "/api/sprints/" + activeId + "/board");
        List<String> cards = new ArrayList<>();
        for (JsonNode lane : board.path("lanes")) {
            for (JsonNode card : lane.path("columns").path("TODO")) {
                cards.add(card.path("id").asText());
            }
        }
        String[] pattern = {"DONE", "IN_REVIEW", "IN_PROGRESS", "IN_PROGRESS", "DONE", "TODO"};
        Map<String, Integer> placed = new HashMap<>();
        for (int j = 0; j < cards.size(); j++) {
            String column = pattern[j % pattern.length];
            // Leave a free place under each WIP limit: the first card someone drags into a column should be taken.
            Integer limit = spec.wipLimits().get(column);
            if (limit != null && placed.getOrDefault(column, 0) >= limit - 1) {
                column = "TODO";
            }
            placed.merge(column, 1, Integer::sum);
            moveTo(client, activeId, cards.get(j), column, column.equals("TODO") && j % 2 == 1 ? null : member(spec, j));
        }
    }

    private static String findOrCreateTeam(SeedClient client, Spec spec) {
        for (JsonNode team : client.get(SeedClient.SPRINT, "/api/teams?limit=200").path("items")) {
            if (spec.name().equalsIgnoreCase(team.path("name").asText())) {
                return team.path("id").asText();
            }
        }
        ObjectNode body = client.object();
        body.put("name", spec.name());
        body.put("description", spec.description());
        ArrayNode disciplines = body.putArray("disciplines");
        spec.disciplines().forEach(disciplines::add);
        ArrayNode alliances = body.putArray("alliances");
        ALL_ALLIANCES.forEach(alliances::add);
        // The rest of the portfolio, but for the alliances left uncovered on purpose (the workload page's point).
        BacklogDemo.portfolio(client.today()).stream().map(BacklogDemo.Alliance::key)
                .filter(key -> !BacklogDemo.UNCOVERED.contains(key)).forEach(alliances::add);
        ArrayNode members = body.putArray("members");
        for (Member m : spec.members()) {
            members.addObject().put("userId", m.userId()).put("displayName", m.displayName()).put("role", m.role())
                    .put("pointsPerDay", m.pointsPerDay());
        }
        ObjectNode wip = body.putObject("wipLimits");
        spec.wipLimits().forEach(wip::put);
        return client.post(SeedClient.SPRINT, "/api/teams", body).path("id").asText();
    }

    /** What the team can pull, best-ranked first: its disciplines, its alliances, not on a board yet. */
    private static List<Candidate> candidates(SeedClient client, String teamId) {
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode item : client.get(SeedClient.SPRINT, "/api/sprint-candidates?limit=200&teamId=" + teamId)
                .path("items")) {
            candidates.add(new Candidate(item.path("itemId").asText(), item.path("estimate").asInt(0)));
        }
        return candidates;
    }

    private static String planSprint(SeedClient client, String teamId, Spec spec, LocalDate start, String goal) {
        ObjectNode body = client.object();
        body.put("teamId", teamId);
        body.put("name", String.format("%s %d-W%02d", spec.shortName(), start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        body.put("goal", goal);
        body.put("startDate", start.toString());
        body.put("endDate", start.plusDays(SPRINT_DAYS - 3).toString());
        return client.post(SeedClient.SPRINT, "/api/sprints", body).path("id").asText();
    }

    /** Commits an item; an item that would take the sprint over capacity stays in the backlog. */
    private static boolean commit(SeedClient client, String sprintId, Candidate candidate) {
        ObjectNode body = client.object();
        body.put("itemId", candidate.itemId());
        try {
            client.post(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/items", body);
            return true;
        } catch (SeedClient.SeedFailure e) {
            if (e.getMessage().contains("over-capacity")) {
                return false;
            }
            throw e;
        }
    }

    private static void reduceCapacityForAbsence(SeedClient client, String sprintId, Spec spec) {
        JsonNode sprint = client.get(SeedClient.SPRINT, "/api/sprints/" + sprintId);
        ObjectNode body = client.object();
        ArrayNode members = body.putArray("members");
        for (JsonNode member : sprint.path("capacity")) {
            String userId = member.path("userId").asText();
            members.addObject().put("userId", userId)
                    .put("absenceDays", userId.equals(spec.absentMember()) ? spec.absenceDays() : 0);
        }
        client.put(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/capacity", body, sprint.path("_etag").asText());
    }

    private static void start(SeedClient client, String sprintId) {
        String etag = client.get(SeedClient.SPRINT, "/api/sprints/" + sprintId).path("_etag").asText();
        ObjectNode body = client.object();
        body.put("state", "ACTIVE");
        client.put(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/state", body, etag);
    }

    private static void close(SeedClient client, String sprintId, String nextSprintId) {
        String etag = client.get(SeedClient.SPRINT, "/api/sprints/" + sprintId).path("_etag").asText();
        ObjectNode body = client.object();
        body.put("state", "CLOSED");
        body.put("defaultDisposition", "NEXT_SPRINT");
        body.put("nextSprintId", nextSprintId);
        client.put(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/state", body, etag);
    }

    /** Walks a card through the columns up to {@code column}, as a team would, respecting WIP limits. */
    private static void moveTo(SeedClient client, String sprintId, String itemId, String column, String assignee) {
        String path = "/api/sprints/" + sprintId + "/items/" + itemId;
        List<String> steps = switch (column) {
            case "IN_PROGRESS" -> List.of("IN_PROGRESS");
            case "IN_REVIEW" -> List.of("IN_PROGRESS", "IN_REVIEW");
            case "DONE" -> List.of("IN_PROGRESS", "IN_REVIEW", "DONE");
            default -> List.of("TODO");
        };
        for (String step : steps) {
            String etag = client.get(SeedClient.SPRINT, path).path("_etag").asText();
            ObjectNode body = client.object();
            body.put("column", step);
            body.put("assignee", assignee);
            try {
                client.put(SeedClient.SPRINT, path, body, etag);
            } catch (SeedClient.SeedFailure e) {
                if (e.getMessage().contains("wip-limit")) {
                    return;
                }
                throw e;
            }
        }
    }

    private static String member(Spec spec, int index) {
        return spec.members().get(index % spec.members().size()).userId();
    }
}
