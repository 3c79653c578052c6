package io.entente.bench;

import io.entente.backlog.domain.Ranks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the data set through the APIs where that is quick enough (alliances, team, sprints, board items and their
 * commits, decisions, governance bodies, meetings, agenda, packet), and tops the backlog up to the target volume with a
 * COPY into backlog-service's own database. Every step says which way it went.
 */
final class Loader {

    static final String[] DISCIPLINES = {"GOVERNANCE", "CONTRACTS", "FINANCE", "ALLIANCE_HEALTH", "PROJECT_MANAGEMENT",
            "LEGAL"};
    static final String[] TYPES = {"TASK", "RISK_FOLLOW_UP", "OBLIGATION", "DECISION_PREP", "ACTION_ITEM"};
    static final String[] ALLIANCE_TYPES = {"RESEARCH_COLLABORATION", "CO_DEVELOPMENT", "CO_COMMERCIALISATION",
            "LICENSING", "CLINICAL_COMBINATION_TRIAL", "DIGITAL_HEALTH"};

    private final Api api;
    private final Scale scale;
    private final Properties state;
    private final Random random = new Random(42);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    Loader(Api api, Scale scale, Properties state) {
        this.api = api;
        this.scale = scale;
        this.state = state;
    }

    static String alliance(int i) {
        return String.format("BENCH-%02d", i);
    }

    List<String> alliances() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= scale.alliances(); i++) {
            keys.add(alliance(i));
        }
        return keys;
    }

    void load() throws Exception {
        long t0 = System.nanoTime();
        alliancesViaApi();
        boards();
        decisionsViaApi();
        meetingsViaApi();
        backlogVolume();
        state.setProperty("alliances", String.join(",", alliances()));
        state.setProperty("scale", scale.name());
        Main.log("data set loaded in %.0f s", (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- alliances

    private void alliancesViaApi() throws Exception {
        int created = 0;
        for (int i = 1; i <= scale.alliances(); i++) {
            String key = alliance(i);
            if (api.get(Api.BACKLOG + "/api/alliances/" + key).status() == 200) {
                continue;
            }
            ObjectNode a = api.object().put("key", key).put("name", "Bench alliance " + i)
                    .put("partner", "Partner " + i + " Therapeutics AG")
                    .put("type", ALLIANCE_TYPES[i % ALLIANCE_TYPES.length]).put("tier", 1 + i % 3)
                    .put("phase", "EXECUTION").put("valueScore", 1 + i % 5).put("complexityScore", 1 + (i * 7) % 5)
                    .put("allianceManager", "alex").put("startDate", today.minusYears(1).toString());
            api.create(Api.BACKLOG + "/api/alliances", a);
            created++;
        }
        Main.log("alliances: %d via API (%d existed)", created, scale.alliances() - created);
        // The other services learn alliances from alliance.events; wait until each knows the last one.
        waitFor("sprint-service knows the alliances", () -> Db.count("sprint",
                "select count(*) from alliance_copy where alliance_id like 'BENCH-%'") >= scale.alliances());
    }

    // ---------------------------------------------------------------- boards

    private void boards() throws Exception {
        String teamId = state.getProperty("teamId");
        // A team made for a smaller data set covers fewer alliances than the boards now draw from: make another.
        String covers = String.valueOf(boardAlliances().size());
        if (teamId == null || !covers.equals(state.getProperty("teamCovers"))
                || api.get(Api.SPRINT + "/api/teams/" + teamId).status() != 200) {
            ObjectNode team = api.object().put("name", "Bench contracts team " + System.currentTimeMillis() % 100000)
                    .put("description", "Contracts and obligations specialists (benchmark)");
            team.putArray("disciplines").add("CONTRACTS");
            ArrayNode covered = team.putArray("alliances");
            boardAlliances().forEach(covered::add);
            ArrayNode members = team.putArray("members");
            String[][] people = {{"alex", "Alex Moreau", "LEAD"}, {"tara", "Tara Singh", "MEMBER"},
                    {"gwen", "Gwen Harper", "MEMBER"}, {"nora", "Nora Quist", "MEMBER"}};
            for (String[] p : people) {
                members.addObject().put("userId", p[0]).put("displayName", p[1]).put("role", p[2])
                        .put("pointsPerDay", 2.0);
            }
            Api.Answer a = api.post(Api.SPRINT + "/api/teams", team);
            if (!a.ok() && a.raw().contains("role")) {
                for (JsonNode m : members) {
                    ((ObjectNode) m).put("role", "MEMBER");
                }
                a = api.post(Api.SPRINT + "/api/teams", team);
            }
            if (!a.ok()) {
                throw new IllegalStateException("team: " + a.status() + " " + Api.abbreviate(a.raw()));
            }
            teamId = a.body().path("id").asText();
            state.setProperty("teamId", teamId);
            state.setProperty("teamCovers", covers);
            state.remove("boardSmall");
            state.remove("boardLarge");
        }
        String small = sprint("boardSmall", teamId, "Bench board S (" + scale.boardSmall() + ")", 60);
        String large = sprint("boardLarge", teamId, "Bench board L (" + scale.boardLarge() + ")", 80);
        fill(small, scale.boardSmall());
        fill(large, scale.boardLarge());
    }

    private List<String> boardAlliances() {
        return alliances().subList(0, Math.min(10, scale.alliances()));
    }

    private String sprint(String key, String teamId, String name, int inDays) {
        String id = state.getProperty(key);
        if (id != null && api.get(Api.SPRINT + "/api/sprints/" + id).status() == 200) {
            return id;
        }
        // Far enough ahead that no earlier run's sprint of this team overlaps.
        int offset = inDays + (int) (System.currentTimeMillis() / 1000 % 3000) / 20 * 40;
        ObjectNode s = api.object().put("teamId", teamId).put("name", name)
                .put("goal", "Benchmark board").put("startDate", today.plusDays(offset).toString())
                .put("endDate", today.plusDays(offset + 13).toString());
        id = api.create(Api.SPRINT + "/api/sprints", s).body().path("id").asText();
        state.setProperty(key, id);
        return id;
    }

    private void fill(String sprintId, int target) throws Exception {
        int have = (int) Db.count("sprint", "select count(*) from sprint_item where sprint_id = '" + sprintId
                + "' and status <> 'REMOVED'");
        int missing = target - have;
        if (missing <= 0) {
            Main.log("board %s: %d items already", sprintId, have);
            return;
        }
        // Up to apiBoardItems per board through the API (sprint-service learns them from backlog-item.events and
        // the commit goes through the real path); the writes are rate-limited per user (20/s), so the rest of a
        // large board goes by SQL into backlog.backlog_item, sprint.backlog_item_copy and sprint.sprint_item.
        int apiCount = Math.max(0, Math.min(missing, scale.apiBoardItems() - have));
        List<String> boardAlliances = boardAlliances();
        List<String> ids = parallel(apiCount, 8, i -> {
            ObjectNode item = api.object().put("allianceId", boardAlliances.get(i % boardAlliances.size()))
                    .put("title", "Contract obligation review " + (i + 1) + " for board " + sprintId.substring(0, 8))
                    .put("description", "Check the clause, the owner and the evidence before the JSC.")
                    .put("discipline", "CONTRACTS").put("type", TYPES[i % TYPES.length])
                    .put("estimate", 1 + i % 5).put("stakeholderValue", 1 + i % 10).put("owner", "tara")
                    .put("dueDate", today.plusDays(10 + i % 80).toString());
            return api.create(Api.BACKLOG + "/api/backlog-items", item).body().path("id").asText();
        });
        if (!ids.isEmpty()) {
            String idList = "'" + String.join("','", ids) + "'";
            waitFor("sprint-service has the board items", () -> Db.count("sprint",
                    "select count(*) from backlog_item_copy where item_id in (" + idList + ")") >= ids.size());
        }
        int viaApi = 0;
        long commitNanos = 0;
        long lastCommitMs = 0;
        for (String id : ids) {
            ObjectNode commit = api.object().put("itemId", id).put("overrideCapacity", true)
                    .put("reason", "benchmark board");
            long t = System.nanoTime();
            api.create(Api.SPRINT + "/api/sprints/" + sprintId + "/items", commit);
            long took = System.nanoTime() - t;
            commitNanos += took;
            lastCommitMs = took / 1_000_000;
            viaApi++;
        }
        List<Row> rest = missing - apiCount > 0
                ? copyItems(missing - apiCount, i -> boardAlliances.get(i % boardAlliances.size()), "CONTRACTS")
                : List.of();
        if (!rest.isEmpty()) {
            try (Connection c = Db.connect("sprint")) {
                c.setAutoCommit(false);
                try (PreparedStatement copy = c.prepareStatement("""
                        insert into backlog_item_copy (item_id, alliance_id, title, discipline, type, estimate, due_date,
                            status, rank, dropped, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'NEW', ?, false, now())""");
                     PreparedStatement card = c.prepareStatement("""
                             insert into sprint_item (id, sprint_id, item_id, alliance_id, status, open, board_column,
                                 override_capacity, override_reason, committed_at, version)
                             values (gen_random_uuid(), ?::uuid, ?, ?, 'COMMITTED', true, ?, true,
                                 'benchmark bulk load', now(), 0)""")) {
                    String[] columns = {"TODO", "IN_PROGRESS", "IN_REVIEW", "TODO"};
                    for (int i = 0; i < rest.size(); i++) {
                        Row r = rest.get(i);
                        copy.setObject(1, r.id());
                        copy.setString(2, r.alliance());
                        copy.setString(3, r.title());
                        copy.setString(4, r.discipline());
                        copy.setString(5, r.type());
                        copy.setInt(6, r.estimate());
                        copy.setObject(7, r.due());
                        copy.setString(8, r.rank());
                        copy.addBatch();
                        card.setString(1, sprintId);
                        card.setObject(2, r.id());
                        card.setString(3, r.alliance());
                        card.setString(4, columns[i % columns.length]);
                        card.addBatch();
                    }
                    copy.executeBatch();
                    card.executeBatch();
                }
                c.commit();
            }
        }
        Main.log("board %s: %d items created and committed via API (commit mean %.0f ms, last %d ms); %d items via SQL "
                        + "(backlog.backlog_item, sprint.backlog_item_copy, sprint.sprint_item)",
                sprintId.substring(0, 8), viaApi, viaApi == 0 ? 0 : commitNanos / 1e6 / viaApi, lastCommitMs,
                rest.size());
        state.setProperty("commitsViaApi." + sprintId, Integer.toString(viaApi));
        state.setProperty("commitsViaSql." + sprintId, Integer.toString(rest.size()));
        state.setProperty("itemsViaSql", Long.toString(Long.parseLong(state.getProperty("itemsViaSql", "0"))
                + rest.size()));
        state.setProperty("lastCommitMs." + sprintId, Long.toString(lastCommitMs));
    }

    // ---------------------------------------------------------------- decisions

    private void decisionsViaApi() throws Exception {
        int have = (int) Db.count("decision", "select count(*) from decision where alliance_id like 'BENCH-%'");
        int missing = scale.decisions() - have;
        if (missing <= 0) {
            Main.log("decisions: %d already", have);
            return;
        }
        List<String> keys = alliances();
        AtomicInteger n = new AtomicInteger(have);
        parallel(missing, 8, i -> {
            int k = n.incrementAndGet();
            // A fifth of them on the first alliance, due within the next weeks: the largest meeting's agenda.
            String alliance = k % 5 == 0 ? keys.get(0) : keys.get(k % keys.size());
            ObjectNode d = api.object().put("allianceId", alliance)
                    .put("title", "Decision " + k + ": go/no-go on work package " + k)
                    .put("question", "Do we fund work package " + k + " as proposed by the joint team?")
                    .put("context", "Budget impact, timelines and the partner's position are summarised here. "
                            .repeat(4))
                    .put("governanceBody", "JSC").put("dueDate", today.plusDays(14 + k % 60).toString())
                    .put("leadTimeDays", 14).put("driver", "alex").put("approver", "user:gwen").put("draft", false);
            ArrayNode options = d.putArray("options");
            options.addObject().put("key", "fund").put("title", "Fund as proposed").put("pros", "On time")
                    .put("cons", "Budget +8%");
            options.addObject().put("key", "defer").put("title", "Defer one quarter").put("pros", "Cheaper")
                    .put("cons", "Delay");
            d.putArray("contributors").add("user:tara");
            d.putArray("informed").add("user:sven");
            return retrying(() -> api.create(Api.DECISION + "/api/decisions", d)).body().path("id").asText();
        });
        Main.log("decisions: %d via API (%d existed)", missing, have);
    }

    // ---------------------------------------------------------------- governance

    private void meetingsViaApi() throws Exception {
        String existing = state.getProperty("meetingId");
        if (existing != null && api.get(Api.GOVERNANCE + "/api/meetings/" + existing).status() == 200) {
            Main.log("meetings: reusing the loaded ones (largest %s)", existing);
            return;
        }
        List<String> keys = alliances();
        int meetings = scale.meetings();
        String largest = null;
        for (int m = 0; m < meetings; m++) {
            String alliance = keys.get(m % keys.size());
            ObjectNode body = api.object().put("allianceId", alliance).put("type", m < keys.size() ? "JSC" : "JDC")
                    .put("quorum", 2).put("decisionRights", "Strategy, budget, phase transitions");
            ArrayNode members = body.putArray("members");
            for (int p = 0; p < 8; p++) {
                members.addObject().put("name", "Member " + p + " of " + alliance)
                        .put("organisation", p % 2 == 0 ? "Entente Bio" : "Partner of " + alliance)
                        .put("side", p % 2 == 0 ? "US" : "PARTNER").put("role", p < 2 ? "CO_CHAIR" : "MEMBER");
            }
            String type = body.path("type").asText();
            // One body per type and alliance: reuse the one an earlier run created.
            Api.Answer found = api.get(Api.GOVERNANCE + "/api/governance-bodies?allianceId=" + alliance + "&type=" + type);
            String bodyId = found.ok() && found.body().path("items").size() > 0
                    ? found.body().path("items").get(0).path("id").asText()
                    : retrying(() -> api.create(Api.GOVERNANCE + "/api/governance-bodies", body)).body().path("id")
                    .asText();
            OffsetDateTime starts = today.plusDays(7 + m % 20).atTime(9, 0).atOffset(ZoneOffset.UTC);
            ObjectNode meeting = api.object().put("bodyId", bodyId).put("title", "Bench meeting " + (m + 1))
                    .put("startsAt", starts.toString()).put("timeZone", "Europe/Zurich")
                    .put("durationMinutes", 240).put("location", "Basel, Room Rhein")
                    .put("internalBriefing", "Our positions for this meeting. ".repeat(20));
            if (m == 0) {
                ArrayNode attendees = meeting.putArray("attendees");
                for (int p = 0; p < 80; p++) {
                    attendees.addObject().put("name", "Attendee " + p).put("organisation",
                            p % 2 == 0 ? "Entente Bio" : "Partner 1 Therapeutics AG")
                            .put("side", p % 2 == 0 ? "US" : "PARTNER");
                }
            }
            Api.Answer created = api.create(Api.GOVERNANCE + "/api/meetings", meeting);
            if (m == 0) {
                largest = created.body().path("id").asText();
                agenda(largest, created.etag(), keys.get(0));
            }
        }
        state.setProperty("meetingId", largest);
        Main.log("governance: %d bodies and %d meetings via API; largest meeting %s (80 attendees, 60 agenda items)",
                meetings, meetings, largest);
    }

    /** The largest meeting: 60 agenda lines (the maximum), most of them tied to the alliance's decisions. */
    private void agenda(String meetingId, String etag, String alliance) throws Exception {
        List<String> decisions = new ArrayList<>();
        try (Connection c = Db.connect("decision"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from decision where alliance_id = '" + alliance
                     + "' order by due_date limit 40")) {
            while (rs.next()) {
                decisions.add(rs.getString(1));
            }
        }
        List<String> items = new ArrayList<>();
        try (Connection c = Db.connect("backlog"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from backlog_item where alliance_id = '" + alliance
                     + "' order by rank limit 20")) {
            while (rs.next()) {
                items.add(rs.getString(1));
            }
        }
        // Let governance-service's read models catch up with the decisions before the agenda refers to them.
        String decisionList = decisions.isEmpty() ? "''" : "'" + String.join("','", decisions) + "'";
        waitFor("governance-service knows the decisions", () -> Db.count("governance",
                "select count(*) from inbox_event where event_type = 'io.entente.DecisionOpened' and aggregate_id in ("
                        + decisionList + ")") >= decisions.size());
        ObjectNode agenda = api.object();
        ArrayNode lines = agenda.putArray("items");
        for (int i = 0; i < 60; i++) {
            ObjectNode line = lines.addObject().put("id", "line-" + i).put("section", "Section " + (1 + i / 10))
                    .put("title", "Agenda line " + (i + 1) + ": progress, risks and the decision asked for")
                    .put("presenter", "Member " + (i % 8)).put("durationMinutes", 4)
                    .put("internalNote", "Prep note for our side only. ".repeat(5));
            if (i < decisions.size()) {
                line.put("purpose", "DECISION").put("decisionId", decisions.get(i));
            } else if (i - decisions.size() < items.size()) {
                line.put("purpose", "DISCUSSION").put("backlogItemId", items.get(i - decisions.size()));
            } else {
                line.put("purpose", "INFORMATION");
            }
        }
        Api.Answer a = api.put(Api.GOVERNANCE + "/api/meetings/" + meetingId + "/agenda", agenda, etag);
        if (!a.ok()) {
            throw new IllegalStateException("agenda: " + a.status() + " " + Api.abbreviate(a.raw()));
        }
        api.create(Api.GOVERNANCE + "/api/meetings/" + meetingId + "/packets", null);
    }

    // ---------------------------------------------------------------- backlog volume

    /** Tops backlog_item up to the target with one COPY, ranks continuing after the current last one. */
    private void backlogVolume() throws Exception {
        long have = Db.count("backlog", "select count(*) from backlog_item");
        long missing = scale.items() - have;
        if (missing <= 0) {
            Main.log("backlog: %d items already (target %d)", have, scale.items());
            return;
        }
        List<String> keys = alliances();
        long t = System.nanoTime();
        copyItems((int) missing, i -> keys.get(i % keys.size()), null);
        Main.log("backlog: %d items via SQL COPY into backlog.backlog_item in %.1f s (had %d; no outbox or audit rows "
                + "for these, so the other services never hear of them)", missing, (System.nanoTime() - t) / 1e9, have);
        state.setProperty("itemsViaSql", Long.toString(Long.parseLong(state.getProperty("itemsViaSql", "0")) + missing));
    }

    record Row(UUID id, String alliance, String title, String discipline, String type, int estimate, LocalDate due,
               String rank) {
    }

    interface AllianceOf {
        String of(int i);
    }

    /** COPYs {@code count} items into backlog.backlog_item under the service's rank lock; returns them. */
    private List<Row> copyItems(int count, AllianceOf allianceOf, String discipline) throws Exception {
        List<Row> out = new ArrayList<>(count);
        try (Connection c = Db.connect("backlog")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // The lock the service takes for every rank assignment: no API create can interleave.
                st.execute("select pg_advisory_xact_lock(" + 0x0BAC_0106L + ")");
                String rank;
                try (ResultSet rs = st.executeQuery("select max(rank) from backlog_item")) {
                    rs.next();
                    rank = rs.getString(1);
                }
                StringBuilder rows = new StringBuilder();
                Instant now = Instant.now();
                for (int i = 0; i < count; i++) {
                    rank = Ranks.after(rank);
                    String alliance = allianceOf.of(i);
                    String d = discipline != null ? discipline : DISCIPLINES[i % DISCIPLINES.length];
                    Row row = new Row(UUID.randomUUID(), alliance, "Portfolio task " + i + " for " + alliance, d,
                            TYPES[i % TYPES.length], 1 + i % 8, i % 3 == 0 ? null : today.plusDays(i % 400), rank);
                    out.add(row);
                    Instant created = now.minusSeconds(random.nextInt(3 * 365 * 86400));
                    rows.append(row.id()).append('\t').append(alliance).append('\t').append(row.title()).append('\t')
                            .append("Imported backlog item for the volume benchmark.").append('\t')
                            .append(d).append('\t').append(row.type()).append('\t').append(row.estimate()).append('\t')
                            .append(row.due() == null ? "\\N" : row.due().toString()).append('\t')
                            .append(discipline == null && i % 10 == 0 ? "DONE" : "NEW").append('\t')
                            .append(rank).append('\t').append(0).append('\t')
                            .append(created).append('\t').append(created).append('\t')
                            .append(1 + i % 10).append('\t').append(i % 2 == 0 ? "tara" : "alex").append('\n');
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("copy backlog_item (id, alliance_id, title, description, discipline, type, estimate, "
                        + "due_date, status, rank, version, created_at, updated_at, stakeholder_value, owner) "
                        + "from stdin", new StringReader(rows.toString()));
                // The service's creates take their ranks from a sequence of append positions: move it past the
                // ranks copied here (still under the lock, so no create has a position in flight).
                st.execute("select backlog_item_sync_rank_position()");
                c.commit();
                c.setAutoCommit(true);
            }
            // ANALYZE needs the table's owner; the service's own role owns nothing (docs/CONVENTIONS.md).
            try (Connection owner = Db.superuser("backlog"); Statement analyze = owner.createStatement()) {
                analyze.execute("analyze backlog_item");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    interface Check {
        boolean done() throws Exception;
    }

    static void waitFor(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }

    interface Call<T> {
        T call() throws Exception;
    }

    /** Retries while another service has not yet learned what the call refers to (404/409/422 for a few seconds). */
    static <T> T retrying(Call<T> call) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.call();
            } catch (IllegalStateException e) {
                if (attempt > 60 || !e.getMessage().contains("-> 404")) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    interface Task<T> {
        T apply(int i) throws Exception;
    }

    static <T> List<T> parallel(int count, int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.apply(n)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return Collections.unmodifiableList(out);
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
