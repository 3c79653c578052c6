package io.entente.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.e2e.Keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a stream of commands through the services' REST APIs with real Keycloak tokens: backlog items created,
 * changed and re-ranked in backlog-service, and now and then a decision opened in decision-service (backlog-service
 * then creates its prep items). Each demo user who may write works in the alliances of its own token, in a few
 * lanes (threads) with items of their own, so that no command meets another's change (a 412 would mean a lost
 * answer, not a race). Each user's lanes together stay below the services' per-user write limit (20/s), so a
 * rejection means a fault, not throttling.
 */
public final class LoadDriver {

    /** A demo user who may write, with the alliances of its token (deploy/keycloak/entente-realm.json). */
    public record Writer(String user, List<String> alliances, boolean opensDecisions) {
    }

    private static final List<String> ALL = List.of("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER",
            "LIC-CORVID");

    public static final List<Writer> DEMO_WRITERS = List.of(
            new Writer("admin", ALL, true),
            new Writer("alex", List.of("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA"), true),
            new Writer("tara", List.of("ONC-HELIX", "CDX-QUANTIA", "DTX-ASTER"), false),
            new Writer("gwen", ALL, true),
            new Writer("nora", List.of("LIC-CORVID"), false));

    /** Called before each command with its index (0-based); may block, e.g. until a fault has run its course. */
    @FunctionalInterface
    public interface Gate {
        void beforeCommand(int index);
    }

    public enum Kind { CREATE_ITEM, UPDATE_ITEM, RANK_ITEM, OPEN_DECISION }

    private static final String[] DISCIPLINES = {"GOVERNANCE", "CONTRACTS", "FINANCE", "ALLIANCE_HEALTH",
            "PROJECT_MANAGEMENT", "LEGAL"};
    private static final Duration TOKEN_MAX_AGE = Duration.ofMinutes(5);

    private final String runId;
    private final int commands;
    private final List<Writer> writers;
    private final double writesPerSecondPerUser;
    private final int lanesPerUser;
    private final double decisionShare;
    private final String backlogUrl;
    private final String decisionUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger issued = new AtomicInteger();

    /**
     * @param runId         marks every title, so that this run's rows can be told from the demo data
     * @param decisionShare share of commands (for users who may) that open a decision
     */
    public LoadDriver(String runId, int commands, List<Writer> writers, double writesPerSecondPerUser,
                      int lanesPerUser, double decisionShare, String backlogUrl, String decisionUrl) {
        this.runId = runId;
        this.commands = commands;
        this.writers = writers;
        this.writesPerSecondPerUser = writesPerSecondPerUser;
        this.lanesPerUser = lanesPerUser;
        this.decisionShare = decisionShare;
        this.backlogUrl = backlogUrl;
        this.decisionUrl = decisionUrl;
    }

    public String titlePrefix() {
        return "FR-" + runId + " ";
    }

    /** Sends all commands and returns what was answered. */
    public LoadResult run(Gate gate) {
        LoadResult result = new LoadResult();
        ExecutorService threads = Executors.newFixedThreadPool(writers.size() * lanesPerUser);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers.size(); i++) {
                Pace pace = new Pace(writesPerSecondPerUser);
                for (int lane = 1; lane <= lanesPerUser; lane++) {
                    Worker worker = new Worker(writers.get(i), lane, pace,
                            new Random(31L * (i * 16 + lane) + runId.hashCode()), result);
                    done.add(threads.submit(() -> worker.run(gate)));
                }
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("load driver failed", e);
        } finally {
            threads.shutdownNow();
        }
        return result;
    }

    /** One of this user's items, as the driver last knew it. */
    private static final class Item {
        final String id;
        final String alliance;
        final String title;
        String etag;
        int changes;
        boolean stale;

        Item(String id, String alliance, String title, String etag) {
            this.id = id;
            this.alliance = alliance;
            this.title = title;
            this.etag = etag;
        }
    }

    /** One user's send slots, shared by its lanes. */
    private static final class Pace {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pace(double perSecond) {
            this.intervalNanos = (long) (1e9 / perSecond);
        }

        /** Waits for the next slot; time lost in a pause (a gate, a slow answer) is not made up with a burst. */
        void await() {
            long slot;
            synchronized (this) {
                next = Math.max(next + intervalNanos, System.nanoTime());
                slot = next;
            }
            while (System.nanoTime() < slot) {
                LockSupport.parkNanos(slot - System.nanoTime());
            }
        }
    }

    private final class Worker {
        private final Writer writer;
        private final String name;
        private final Pace pace;
        private final Random random;
        private final LoadResult result;
        private final List<Item> items = new ArrayList<>();
        private String token;
        private long tokenIssued;
        private int created;

        Worker(Writer writer, int lane, Pace pace, Random random, LoadResult result) {
            this.writer = writer;
            this.name = writer.user() + "-" + lane;
            this.pace = pace;
            this.random = random;
            this.result = result;
        }

        void run(Gate gate) {
            int index;
            while ((index = issued.getAndIncrement()) < commands) {
                gate.beforeCommand(index);
                pace.await();
                Kind kind = choose();
                switch (kind) {
                    case CREATE_ITEM -> create();
                    case UPDATE_ITEM -> update(pick());
                    case RANK_ITEM -> rank(pick());
                    case OPEN_DECISION -> openDecision();
                }
            }
        }

        private Kind choose() {
            if (items.size() < 3) {
                return Kind.CREATE_ITEM;
            }
            double r = random.nextDouble();
            if (writer.opensDecisions() && r < decisionShare) {
                return Kind.OPEN_DECISION;
            }
            r = random.nextDouble();
            return r < 0.30 ? Kind.CREATE_ITEM : r < 0.78 ? Kind.UPDATE_ITEM : Kind.RANK_ITEM;
        }

        private Item pick() {
            return items.get(random.nextInt(items.size()));
        }

        private String alliance() {
            return writer.alliances().get(random.nextInt(writer.alliances().size()));
        }

        private void create() {
            String alliance = alliance();
            String title = titlePrefix() + name + " #" + (++created);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("allianceId", alliance);
            body.put("title", title);
            body.put("discipline", DISCIPLINES[random.nextInt(DISCIPLINES.length)]);
            body.put("type", "TASK");
            body.put("estimate", 1 + random.nextInt(8));
            Answer answer = send(Kind.CREATE_ITEM, "POST", backlogUrl + "/api/backlog-items", null, body);
            if (answer.accepted()) {
                String id = answer.body().path("id").asText();
                items.add(new Item(id, alliance, title, answer.etag()));
                result.accepted(Kind.CREATE_ITEM, id);
            }
        }

        private void update(Item item) {
            if (!refreshIfStale(item)) {
                return;
            }
            int change = item.changes + 1;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", item.title + " v" + change);
            body.put("discipline", DISCIPLINES[random.nextInt(DISCIPLINES.length)]);
            body.put("type", "TASK");
            body.put("estimate", random.nextInt(13));
            // The PUT replaces every field: the ones this driver never sets go as null, as they were created.
            body.put("description", null);
            body.put("beneficiary", null);
            body.put("stakeholderValue", null);
            body.put("owner", null);
            body.put("dueDate", null);
            body.put("status", change % 2 == 0 ? "NEW" : "READY");
            Answer answer = send(Kind.UPDATE_ITEM, "PUT", backlogUrl + "/api/backlog-items/" + item.id, item.etag,
                    body);
            afterChange(item, answer, Kind.UPDATE_ITEM);
        }

        /** Always below another item of this run, so that the run's items stay under the demo data's. */
        private void rank(Item item) {
            List<Item> anchors = items.stream().filter(i -> i != item && i.alliance.equals(item.alliance)).toList();
            if (anchors.isEmpty() || !refreshIfStale(item)) {
                update(item);
                return;
            }
            Item anchor = anchors.get(random.nextInt(anchors.size()));
            Answer answer = send(Kind.RANK_ITEM, "POST", backlogUrl + "/api/backlog-items/" + item.id + "/rank",
                    item.etag, Map.of("below", anchor.id));
            afterChange(item, answer, Kind.RANK_ITEM);
        }

        private void afterChange(Item item, Answer answer, Kind kind) {
            if (answer.accepted()) {
                // The same ETag back: nothing changed (a move to where the item already was), so no event is due.
                boolean changed = answer.etag() == null || !answer.etag().equals(item.etag);
                item.etag = answer.etag();
                item.changes++;
                if (changed) {
                    result.accepted(kind, item.id);
                } else {
                    result.unchanged(kind);
                }
            } else {
                // A lost answer may hide a commit: read the item again before its next change.
                item.stale = true;
            }
        }

        /** Reads an item whose last change went unanswered; false if even that fails (the fault is not over). */
        private boolean refreshIfStale(Item item) {
            if (!item.stale) {
                return true;
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(backlogUrl + "/api/backlog-items/" + item.id))
                        .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(30)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return false;
                }
                JsonNode body = json.readTree(response.body());
                item.etag = response.headers().firstValue("ETag").orElseThrow();
                String title = body.path("title").asText();
                // The title says which change was the last to commit ("<title> v<n>").
                if (title.startsWith(item.title + " v")) {
                    item.changes = Integer.parseInt(title.substring(item.title.length() + 2));
                }
                item.stale = false;
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void openDecision() {
            String alliance = alliance();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("allianceId", alliance);
            body.put("title", titlePrefix() + name + " decision #" + (++created));
            body.put("question", "Which option goes to the committee?");
            body.put("options", List.of(Map.of("key", "A", "title", "Option A"), Map.of("key", "B", "title",
                    "Option B")));
            body.put("governanceBody", "JDC");
            body.put("dueDate", LocalDate.now().plusDays(60).toString());
            body.put("leadTimeDays", 10);
            body.put("driver", writer.user());
            body.put("approver", "body:JSC");
            Answer answer = send(Kind.OPEN_DECISION, "POST", decisionUrl + "/api/decisions", null, body);
            if (answer.accepted()) {
                result.accepted(Kind.OPEN_DECISION, answer.body().path("id").asText());
            }
        }

        private Answer send(Kind kind, String method, String url, String ifMatch, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token());
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            long started = System.nanoTime();
            try {
                request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                result.answered(kind, Integer.toString(response.statusCode()), System.nanoTime() - started);
                boolean ok = response.statusCode() / 100 == 2;
                return new Answer(ok, ok ? json.readTree(response.body()) : null,
                        response.headers().firstValue("ETag").orElse(null));
            } catch (IOException e) {
                result.answered(kind, "no answer (" + e.getClass().getSimpleName() + ")", System.nanoTime() - started);
                return new Answer(false, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private String token() {
            if (token == null || System.nanoTime() - tokenIssued > TOKEN_MAX_AGE.toNanos()) {
                token = Keycloak.newToken(writer.user());
                tokenIssued = System.nanoTime();
            }
            return token;
        }
    }

    private record Answer(boolean accepted, JsonNode body, String etag) {
    }
}
