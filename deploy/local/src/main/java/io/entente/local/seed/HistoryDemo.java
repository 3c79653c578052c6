package io.entente.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * A few quarters of governance history, so that the governance health charts have something to show on the first
 * start: decided decisions, held meetings with packets and approved minutes, and met or missed obligations in each
 * of the three quarters before the current one, for CMB-NORVANE and LIC-CORVID (the journeys work on the other
 * alliances, whose demo story this leaves as it is).
 *
 * <p>Why the rows are backdated afterwards: every service stamps a change with its own clock (created, opened,
 * decided, generated, met), and no API takes a time in the past, rightly so. The objects are therefore made through
 * the public APIs like the rest of the demo (validation, events and audit as for real input), and {@link #backdating()}
 * returns the SQL that then moves their own timestamps into the quarter they belong to. The launcher runs it in each
 * service's own database as that database's owner, only right after seeding a fresh data directory. It touches
 * only the rows made here, only the time columns the services' figures read, and keeps each row consistent (created
 * before opened before decided); the audit trail is left as it was written, since it is append-only and says
 * truthfully when the demo was seeded.
 */
public final class HistoryDemo {

    /** SQL for one service's database, run as its owner with these parameters. */
    public record Backdate(String database, String sql, List<Object> parameters) {
    }

    static final List<String> ALLIANCES = List.of("CMB-NORVANE", "LIC-CORVID");
    static final int QUARTERS = 3;

    private final SeedClient client;
    private final List<Backdate> backdating = new ArrayList<>();

    private HistoryDemo(SeedClient client) {
        this.client = client;
    }

    /**
     * Seeds the decision, governance and backlog history through the APIs; adds the SQL that puts its timestamps
     * into their quarters to {@link SeedClient#backdating}.
     */
    public static void seed(SeedClient client) {
        HistoryDemo history = new HistoryDemo(client);
        for (int k = QUARTERS; k >= 1; k--) {
            LocalDate quarter = quarterStart(client.today()).minusMonths(3L * k);
            for (String alliance : ALLIANCES) {
                history.decisions(alliance, quarter, k);
                history.meeting(alliance, quarter, k);
                history.obligations(alliance, quarter, k);
            }
        }
        client.backdating.addAll(history.backdating);
    }

    /**
     * One closed sprint a quarter for a team, before {@code SprintDemo} plans the team's own sprints (a team has one
     * active sprint at a time). Its items are new ones, made for it and done by the end, so the demo's candidates stay
     * as they were; unfinished cards go into the next history sprint. Predictability improves quarter by quarter.
     */
    public static void sprints(SeedClient client, String teamId, String shortName, String alliance, String discipline,
                               List<String> members) {
        int[][] estimates = {{3, 3, 2, 2}, {3, 2}, {3, 2, 3}};
        int[] unfinished = {2, 1, 0};
        List<String> sprintIds = new ArrayList<>();
        List<LocalDate[]> dates = new ArrayList<>();
        for (int k = QUARTERS; k >= 1; k--) {
            LocalDate start = quarterStart(client.today()).minusMonths(3L * k).plusDays(20);
            LocalDate end = start.plusDays(11);
            ObjectNode body = client.object().put("teamId", teamId)
                    .put("name", shortName + " " + label(start) + " review sprint")
                    .put("goal", "Quarterly close-out for " + alliance)
                    .put("startDate", start.toString()).put("endDate", end.toString());
            sprintIds.add(client.post(SeedClient.SPRINT, "/api/sprints", body).path("id").asText());
            dates.add(new LocalDate[]{start, end});
        }
        try {
            runSprints(client, sprintIds, dates, estimates, unfinished, alliance, discipline, members);
        } catch (SeedClient.SeedFailure e) {
            // A history sprint left running would keep the team's own demo sprint from starting.
            for (String sprintId : sprintIds) {
                JsonNode sprint = client.get(SeedClient.SPRINT, "/api/sprints/" + sprintId);
                if ("ACTIVE".equals(sprint.path("state").asText())) {
                    client.put(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/state", client.object()
                            .put("state", "CLOSED").put("defaultDisposition", "BACKLOG"), sprint.path("_etag").asText());
                }
            }
            throw e;
        }
    }

    private static void runSprints(SeedClient client, List<String> sprintIds, List<LocalDate[]> dates,
                                   int[][] estimates, int[] unfinished, String alliance, String discipline,
                                   List<String> members) {
        List<String> carried = new ArrayList<>();
        for (int i = 0; i < sprintIds.size(); i++) {
            String sprintId = sprintIds.get(i);
            List<String> cards = new ArrayList<>(carried);
            for (int e : estimates[i]) {
                String title = "Quarterly " + discipline.toLowerCase().replace('_', ' ') + " close-out, "
                        + label(dates.get(i)[0]) + " (" + (cards.size() + 1) + ")";
                String itemId = client.post(SeedClient.BACKLOG, "/api/backlog-items", client.object()
                        .put("allianceId", alliance).put("title", title).put("discipline", discipline)
                        .put("type", "TASK").put("estimate", e)).path("id").asText();
                client.awaitOk(SeedClient.SPRINT, "/api/sprint-candidates/" + itemId, java.time.Duration.ofSeconds(60));
                client.post(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/items", client.object().put("itemId", itemId));
                cards.add(itemId);
            }
            String etag = client.get(SeedClient.SPRINT, "/api/sprints/" + sprintId).path("_etag").asText();
            client.put(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/state", client.object().put("state", "ACTIVE"),
                    etag);
            int done = cards.size() - unfinished[i];
            for (int j = 0; j < done; j++) {
                String path = "/api/sprints/" + sprintId + "/items/" + cards.get(j);
                for (String column : List.of("IN_PROGRESS", "IN_REVIEW", "DONE")) {
                    String cardTag = client.get(SeedClient.SPRINT, path).path("_etag").asText();
                    client.put(SeedClient.SPRINT, path, client.object().put("column", column)
                            .put("assignee", members.get(j % members.size())), cardTag);
                }
            }
            carried = new ArrayList<>(cards.subList(done, cards.size()));
            ObjectNode close = client.object().put("state", "CLOSED").put("defaultDisposition", "BACKLOG");
            if (!carried.isEmpty()) {
                close.put("defaultDisposition", "NEXT_SPRINT").put("nextSprintId", sprintIds.get(i + 1));
            }
            etag = client.get(SeedClient.SPRINT, "/api/sprints/" + sprintId).path("_etag").asText();
            client.put(SeedClient.SPRINT, "/api/sprints/" + sprintId + "/state", close, etag);
            Instant started = at(dates.get(i)[0], 9);
            Instant closed = at(dates.get(i)[1], 17);
            client.backdating.add(new Backdate("sprint",
                    "update sprint set created_at = ?, started_at = ?, closed_at = ?, updated_at = ? where id = ?::uuid",
                    List.of(at(dates.get(i)[0].minusDays(3), 9), started, closed, closed, sprintId)));
        }
    }

    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
    }

    private static Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), ZoneOffset.UTC).toInstant();
    }

    private static String label(LocalDate quarter) {
        return quarter.getYear() + "-Q" + quarter.get(IsoFields.QUARTER_OF_YEAR);
    }

    // ---- decisions ---------------------------------------------------------------------------------------------

    /**
     * Two decisions a quarter per alliance. The story: decided late a year ago, closer to the due date since, ahead
     * of it last quarter ({@code k} = quarters back, 3 = the oldest).
     */
    private void decisions(String alliance, LocalDate quarter, int k) {
        String[][] topics = {
                {"Quarterly supply forecast sign-off", "Do we sign off the joint supply forecast for " + label(quarter) + "?"},
                {"Steering budget review", "Do we approve the reforecast of the joint budget for " + label(quarter) + "?"},
        };
        for (int i = 0; i < topics.length; i++) {
            LocalDate due = quarter.plusDays(25L + 35L * i);
            int leadTime = 10;
            // Days between the due date and the decision: positive = after the due date.
            int decidedAfterDue = switch (k) {
                case 3 -> i == 0 ? 6 : 2;
                case 2 -> i == 0 ? 1 : -3;
                default -> i == 0 ? -4 : -8;
            };
            ObjectNode request = client.object()
                    .put("allianceId", alliance)
                    .put("title", topics[i][0] + " " + label(quarter))
                    .put("question", topics[i][1])
                    .put("governanceBody", i == 0 ? "JSC" : "FINANCE")
                    .put("dueDate", due.toString())
                    .put("leadTimeDays", leadTime)
                    // The demo's admin drives these, so the history's notifications reach nobody's demo story.
                    .put("driver", "admin")
                    .put("approver", i == 0 ? "body:JSC" : "body:FINANCE");
            ArrayNode options = request.putArray("options");
            options.addObject().put("key", "APPROVE").put("title", "Approve").put("pros", "On plan")
                    .put("cons", "Commits budget");
            options.addObject().put("key", "REVISE").put("title", "Ask for a revision").put("pros", "Tighter numbers")
                    .put("cons", "Another cycle");
            request.putArray("contributors");
            request.putArray("informed");
            JsonNode created = client.post(SeedClient.DECISION, "/api/decisions", request);
            String id = created.path("id").asText();
            // A decision with its options is open from the start; a draft is opened first.
            JsonNode opened = "DRAFT".equals(created.path("status").asText())
                    ? client.post(SeedClient.DECISION, "/api/decisions/" + id + "/open", null,
                            created.path("_etag").asText())
                    : created;
            JsonNode proposed = client.post(SeedClient.DECISION, "/api/decisions/" + id + "/propose",
                    client.object().put("proposedOption", "APPROVE").put("summary", "As tabled"),
                    opened.path("_etag").asText());
            client.post(SeedClient.DECISION, "/api/decisions/" + id + "/decide",
                    client.object().put("chosenOption", i == 1 && k == 3 ? "REVISE" : "APPROVE")
                            .put("rationale", "Recorded from the committee's vote."),
                    proposed.path("_etag").asText());

            Instant createdAt = at(due.minusDays(leadTime + 21L), 9);
            Instant decidedAt = at(due.plusDays(decidedAfterDue), 15);
            backdating.add(new Backdate("decision",
                    "update decision set created_at = ?, opened_at = ?, decided_at = ?, updated_at = ? where id = ?::uuid",
                    List.of(createdAt, createdAt, decidedAt, decidedAt, id)));
        }
    }

    // ---- meetings and packets ----------------------------------------------------------------------------------

    /**
     * One JSC meeting a quarter per alliance, held, its minutes approved, with a packet sent some days before:
     * late a year ago (two versions, three days ahead), a week ahead since.
     */
    private void meeting(String alliance, LocalDate quarter, int k) {
        String bodyId = client.ids.get("body:" + alliance + ":JSC");
        if (bodyId == null) {
            return;
        }
        LocalDate day = quarter.plusDays(40);
        ObjectNode request = client.object().put("bodyId", bodyId).put("title", "JSC " + label(quarter))
                .put("startsAt", at(day, 14).atOffset(ZoneOffset.UTC).toString())
                .put("timeZone", "Europe/London").put("durationMinutes", 120).put("location", "Video call");
        ArrayNode attendees = request.putArray("attendees");
        JsonNode body = client.get(SeedClient.GOVERNANCE, "/api/governance-bodies/" + bodyId);
        for (JsonNode member : body.path("members")) {
            ObjectNode attendee = attendees.addObject().put("name", member.path("name").asText())
                    .put("organisation", member.path("organisation").asText())
                    .put("side", member.path("side").asText());
            String user = GovernanceDemo.PARTNER_USERS.get(member.path("name").asText());
            if (user != null) {
                attendee.put("user", user);
            }
        }
        JsonNode meeting = client.post(SeedClient.GOVERNANCE, "/api/meetings", request);
        String id = meeting.path("id").asText();

        ObjectNode agenda = client.object();
        agenda.putArray("items").addObject().put("id", "review").put("section", "Review")
                .put("title", "Quarterly alliance review").put("presenter", "Alex Moreau").put("durationMinutes", 60)
                .put("purpose", "DISCUSSION");
        JsonNode current = client.put(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/agenda", agenda,
                meeting.path("_etag").asText());

        int versions = k == 3 ? 2 : 1;
        for (int v = 1; v <= versions; v++) {
            client.post(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/packets", null);
        }
        current = client.get(SeedClient.GOVERNANCE, "/api/meetings/" + id);
        int daysAhead = switch (k) {
            case 3 -> 3;
            case 2 -> 6;
            default -> 8;
        };
        for (int v = 1; v <= versions; v++) {
            // The first version went out earlier; a second one is the late correction.
            Instant generated = at(day.minusDays(daysAhead + (versions - v) * 2L), 10);
            backdating.add(new Backdate("governance",
                    "update packet set generated_at = ? where meeting_id = ?::uuid and version = ?",
                    List.of(generated, id, v)));
        }

        ObjectNode attendance = client.object();
        ArrayNode present = attendance.putArray("attendance");
        for (JsonNode member : body.path("members")) {
            present.addObject().put("name", member.path("name").asText())
                    .put("organisation", member.path("organisation").asText())
                    .put("side", member.path("side").asText()).put("present", true);
        }
        current = client.put(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/attendance", attendance,
                current.path("_etag").asText());
        current = client.post(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/outcomes",
                client.object().put("agendaItemId", "review").put("type", "INFORMATION_NOTED")
                        .put("notes", "Alliance on track; no escalations."),
                current.path("_etag").asText());
        client.post(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/minutes/approval", null,
                current.path("_etag").asText());
        Instant approved = at(day.plusDays(4), 16);
        backdating.add(new Backdate("governance",
                "update meeting set created_at = ?, minutes_approved_at = ?, updated_at = ? where id = ?::uuid",
                List.of(at(day.minusDays(45), 9), approved, approved, id)));
    }

    // ---- obligations -------------------------------------------------------------------------------------------

    /**
     * Two obligations a quarter per alliance, with their due date in that quarter: registered with the date they
     * were met (the API takes a past date for that), one of them late or missed in the older quarters.
     */
    private void obligations(String alliance, LocalDate quarter, int k) {
        String[][] specs = {
                {"Quarterly development report " + label(quarter), "7.2", "REPORT"},
                {"Quarterly royalty statement " + label(quarter), "9.4", "PAYMENT"},
        };
        for (int i = 0; i < specs.length; i++) {
            LocalDate due = quarter.plusDays(30L + 30L * i);
            JsonNode created = client.post(SeedClient.BACKLOG, "/api/obligations", client.object()
                    .put("allianceId", alliance).put("title", specs[i][0]).put("clauseRef", specs[i][1])
                    .put("kind", specs[i][2]).put("owedBy", i == 0 ? "US" : "PARTNER")
                    .put("dueDate", due.toString()).put("leadTimeDays", 14));
            String id = created.path("id").asText();
            // The oldest quarter has one missed and one late; the next one late; the last one both on time.
            Integer metAfterDue = switch (k) {
                case 3 -> i == 0 ? null : 5;
                case 2 -> i == 0 ? -2 : 3;
                default -> i == 0 ? -3 : -1;
            };
            if (metAfterDue != null) {
                JsonNode current = client.get(SeedClient.BACKLOG, "/api/obligations/" + id);
                client.post(SeedClient.BACKLOG, "/api/obligations/" + id + "/met",
                        client.object().put("metOn", due.plusDays(metAfterDue).toString()),
                        current.path("_etag").asText());
            }
            Instant registered = at(due.minusDays(75), 9);
            Instant closed = at(metAfterDue == null ? due.plusDays(1) : due.plusDays(metAfterDue), 12);
            backdating.add(new Backdate("backlog",
                    "update obligation set created_at = ?, updated_at = ? where id = ?::uuid",
                    List.of(registered, closed, id)));
        }
    }
}
