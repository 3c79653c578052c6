package io.entente.backlog.service;

import io.entente.backlog.api.AllianceRequest;
import io.entente.backlog.api.AllianceView;
import io.entente.backlog.api.BacklogItemRequest;
import io.entente.backlog.api.CsvRows;
import io.entente.backlog.api.ImportResult;
import io.entente.backlog.api.ImportResult.ImportError;
import io.entente.backlog.api.ImportResult.ImportRow;
import io.entente.backlog.api.NewItem;
import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.AlliancePhase;
import io.entente.backlog.domain.AllianceType;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.problem.ProblemException;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a portfolio or a backlog from a spreadsheet. Every row is checked with the rules of the create endpoints
 * (the same request records and their constraints, need-to-know, duplicate keys) before anything is written; then
 * either every row is stored in one transaction, each with its audit row and event, or none is.
 */
@ApplicationScoped
@Transactional
public class CsvImports {

    /** More rows than this is refused with 413: split the file. */
    public static final int MAX_ROWS = 10_000;
    static final int PREVIEW_ROWS = 200;
    private static final int JDBC_BATCH = 500;

    /** Alliance columns, in the order of AllianceRequest. */
    static final List<String> ALLIANCE_COLUMNS = List.of("key", "name", "partner", "type", "tier", "phase",
            "valueScore", "complexityScore", "allianceManager", "startDate", "riskThreshold");
    static final Set<String> ALLIANCE_REQUIRED = Set.of("key", "name", "partner", "type", "tier", "phase",
            "valueScore", "complexityScore", "allianceManager");
    /** Columns of an alliance view that the server sets; accepted and ignored so a JSON-to-CSV copy re-imports. */
    static final Set<String> ALLIANCE_IGNORED = Set.of("nextPhases", "version", "createdAt", "updatedAt");

    /** Item columns, in the order of BacklogItemRequest (dependsOn aside), named as in the backlog export. */
    static final List<String> ITEM_COLUMNS = List.of("allianceId", "title", "description", "discipline", "type",
            "estimate", "beneficiary", "stakeholderValue", "owner", "dueDate");
    static final Set<String> ITEM_REQUIRED = Set.of("allianceId", "title", "discipline", "type");
    /**
     * Columns of the backlog export that the server sets (ids, rank, status, sprint, sources, dependencies on the
     * exported ids): accepted and ignored, so an export re-imports as new items at the bottom of the backlog.
     */
    static final Set<String> ITEM_IGNORED = Set.of("id", "rank", "status", "sprintId", "doneAt", "sourceRef",
            "dependsOn", "version", "createdAt", "updatedAt");

    private static final Logger LOG = Logger.getLogger(CsvImports.class);

    private final EntityManager em;
    private final CurrentUser user;
    private final Validator validator;
    private final ChangeLog changes;
    private final ItemWriter writer;
    private final BacklogConfig config;
    private final Clock clock;

    public CsvImports(EntityManager em, CurrentUser user, Validator validator, ChangeLog changes, ItemWriter writer,
                      BacklogConfig config, Clock clock) {
        this.em = em;
        this.user = user;
        this.validator = validator;
        this.changes = changes;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    public ImportResult alliances(CsvRows csv, boolean dryRun) {
        Table table = Table.of(csv, ALLIANCE_COLUMNS, ALLIANCE_REQUIRED, ALLIANCE_IGNORED);
        List<ImportError> errors = new ArrayList<>();
        List<AllianceRequest> requests = new ArrayList<>(csv.rows().size());
        for (CsvRows.Row row : csv.rows()) {
            Cells cells = table.cells(row, errors);
            AllianceRequest request = new AllianceRequest(cells.text("key"), cells.text("name"),
                    cells.text("partner"), cells.enumValue("type", AllianceType.class), cells.integer("tier"),
                    cells.enumValue("phase", AlliancePhase.class), cells.integer("valueScore"),
                    cells.integer("complexityScore"), cells.text("allianceManager"), cells.date("startDate"),
                    cells.integer("riskThreshold"));
            cells.validate(validator.validate(request));
            requests.add(request);
        }
        Set<String> keys = requests.stream().map(AllianceRequest::key).filter(k -> k != null)
                .collect(Collectors.toSet());
        Set<String> registered = keys.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                "select a.key from Alliance a where a.key in :keys", String.class)
                .setParameter("keys", keys).getResultList());
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            String key = requests.get(i).key();
            int row = csv.rows().get(i).row();
            if (key == null) {
                continue;
            }
            if (!user.canSee(key)) {
                errors.add(new ImportError(row, "key", "you are not a member of alliance " + key
                        + "; ask an administrator to add you to group alliance:" + key + " first"));
            } else if (registered.contains(key)) {
                errors.add(new ImportError(row, "key", "alliance " + key + " is already registered"));
            } else if (firstRow.containsKey(key)) {
                errors.add(new ImportError(row, "key", "alliance " + key + " is also in row " + firstRow.get(key)));
            }
            firstRow.putIfAbsent(key, row);
        }
        List<ImportRow> preview = preview(csv, requests, r -> Arrays.asList(r.key(), r.name(), r.partner(),
                name(r.type()), str(r.tier()), name(r.phase()), str(r.valueScore()), str(r.complexityScore()),
                r.allianceManager(), str(r.startDate()), str(r.riskThreshold())));
        errors.sort(ERROR_ORDER);
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult("alliances", dryRun, requests.size(), 0, ALLIANCE_COLUMNS, preview, errors);
        }
        batchInserts();
        Instant now = now();
        List<ChangeLog.Change> recorded = new ArrayList<>(requests.size());
        for (AllianceRequest r : requests) {
            Alliance a = new Alliance();
            a.key = r.key();
            a.name = r.name();
            a.partner = r.partner();
            a.type = r.type();
            a.tier = r.tier();
            a.phase = r.phase();
            a.valueScore = r.valueScore();
            a.complexityScore = r.complexityScore();
            a.allianceManager = r.allianceManager();
            a.startDate = r.startDate();
            a.riskThreshold = r.riskThreshold() != null ? r.riskThreshold() : config.defaultRiskThreshold();
            a.createdAt = now;
            a.updatedAt = now;
            a.persist();
            recorded.add(new ChangeLog.Change(new AllianceRegistered(a.key, a.name, a.partner, a.type.name(), a.tier,
                    a.phase.name(), a.valueScore, a.complexityScore, a.allianceManager, a.startDate), null,
                    AllianceView.of(a)));
        }
        changes.recordAll(recorded);
        return new ImportResult("alliances", false, requests.size(), requests.size(), ALLIANCE_COLUMNS, preview,
                List.of());
    }

    public ImportResult items(CsvRows csv, boolean dryRun) {
        long started = System.nanoTime();
        Table table = Table.of(csv, ITEM_COLUMNS, ITEM_REQUIRED, ITEM_IGNORED);
        // Need-to-know from one query: the alliances that exist and that the caller may see.
        Set<String> visible = em.createQuery("select a.key from Alliance a", String.class).getResultList().stream()
                .filter(user::canSee).collect(Collectors.toSet());
        List<ImportError> errors = new ArrayList<>();
        List<BacklogItemRequest> requests = new ArrayList<>(csv.rows().size());
        for (CsvRows.Row row : csv.rows()) {
            Cells cells = table.cells(row, errors);
            BacklogItemRequest request = new BacklogItemRequest(cells.text("allianceId"), cells.text("title"),
                    cells.text("description"), cells.enumValue("discipline", Discipline.class),
                    cells.enumValue("type", ItemType.class), cells.integer("estimate"), cells.text("beneficiary"),
                    cells.integer("stakeholderValue"), cells.text("owner"), cells.date("dueDate"), null);
            cells.validate(validator.validate(request));
            if (request.allianceId() != null && !cells.hasError("allianceId") && !cells.malformed
                    && !visible.contains(request.allianceId())) {
                // The same answer as a create: an alliance the caller may not see does not exist for them.
                cells.error("allianceId", "alliance " + request.allianceId() + " does not exist");
            }
            requests.add(request);
        }
        List<ImportRow> preview = preview(csv, requests, r -> Arrays.asList(r.allianceId(), r.title(),
                r.description(), name(r.discipline()), name(r.type()), str(r.estimate()), r.beneficiary(),
                str(r.stakeholderValue()), r.owner(), str(r.dueDate())));
        errors.sort(ERROR_ORDER);
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult("backlog-items", dryRun, requests.size(), 0, ITEM_COLUMNS, preview, errors);
        }
        batchInserts();
        long checked = System.nanoTime();
        writer.createAllAndRecord(requests.stream().map(r -> new NewItem(r.allianceId(), r.title(),
                r.description(), r.discipline(), r.type(), r.estimate(), r.beneficiary(), r.stakeholderValue(),
                r.owner(), r.dueDate(), null)).toList());
        em.flush();
        LOG.infof("imported %d backlog items for %s: checked in %d ms, written in %d ms", requests.size(),
                user.id(), (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        return new ImportResult("backlog-items", false, requests.size(), requests.size(), ITEM_COLUMNS, preview,
                List.of());
    }

    private static final Comparator<ImportError> ERROR_ORDER = Comparator.comparingInt(ImportError::row);

    // The rows of one import go to the database in JDBC batches instead of one round trip each.
    private void batchInserts() {
        em.unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH);
    }

    private static <R> List<ImportRow> preview(CsvRows csv, List<R> requests, Function<R, List<String>> values) {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < requests.size() && i < PREVIEW_ROWS; i++) {
            rows.add(new ImportRow(csv.rows().get(i).row(), values.apply(requests.get(i))));
        }
        return rows;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The header mapped to the import's columns: unknown, repeated and missing columns refuse the whole file. */
    private record Table(Map<String, Integer> positions, int width) {

        static Table of(CsvRows csv, List<String> columns, Set<String> required, Set<String> ignored) {
            if (csv.rows().size() > MAX_ROWS) {
                throw new ProblemException(413, "too-many-rows", "Too many rows", "the file has "
                        + csv.rows().size() + " rows; at most " + MAX_ROWS + " can be imported at once; split it");
            }
            Map<String, String> byLowerCase = new HashMap<>();
            columns.forEach(c -> byLowerCase.put(c.toLowerCase(Locale.ROOT), c));
            Map<String, String> ignoredByLowerCase = new HashMap<>();
            ignored.forEach(c -> ignoredByLowerCase.put(c.toLowerCase(Locale.ROOT), c));
            Map<String, Integer> positions = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < csv.header().size(); i++) {
                String given = csv.header().get(i);
                String lower = given.toLowerCase(Locale.ROOT);
                if (!seen.add(lower)) {
                    throw Problems.invalid(given, "column " + given + " appears twice in the header");
                }
                String column = byLowerCase.get(lower);
                if (column != null) {
                    positions.put(column, i);
                } else if (!ignoredByLowerCase.containsKey(lower)) {
                    throw Problems.invalid(given.isEmpty() ? "header" : given, "unknown column "
                            + (given.isEmpty() ? "(empty name) in position " + (i + 1) : given)
                            + "; the columns are " + String.join(", ", columns)
                            + (ignored.isEmpty() ? "" : " (ignored if present: "
                            + String.join(", ", ignored.stream().sorted().toList()) + ")"));
                }
            }
            for (String column : columns) {
                if (required.contains(column) && !positions.containsKey(column)) {
                    throw Problems.invalid(column, "the header has no column " + column + "; required columns are "
                            + String.join(", ", columns.stream().filter(required::contains).toList()));
                }
            }
            return new Table(positions, csv.header().size());
        }

        Cells cells(CsvRows.Row row, List<ImportError> errors) {
            Cells cells = new Cells(this, row, errors);
            if (row.cells().size() != width) {
                // One error for a row cut short or run over: its cells cannot be trusted to be in their columns.
                cells.malformed = true;
                cells.errors.add(new ImportError(row.row(), null, "the row has " + row.cells().size()
                        + " cells; the header has " + width));
            }
            return cells;
        }
    }

    /** One row's cells, converted by column; conversion errors are noted once per column. */
    private static final class Cells {
        private final Table table;
        private final CsvRows.Row row;
        private final List<ImportError> errors;
        private final Set<String> failed = new HashSet<>();
        private boolean malformed;

        Cells(Table table, CsvRows.Row row, List<ImportError> errors) {
            this.table = table;
            this.row = row;
            this.errors = errors;
        }

        String text(String column) {
            Integer at = table.positions().get(column);
            if (at == null || at >= row.cells().size()) {
                return null;
            }
            String cell = row.cells().get(at);
            // The export guards cells a spreadsheet would run as formulas with a leading quote; undo it.
            if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
                cell = cell.substring(1);
            }
            String stripped = cell.strip();
            return stripped.isEmpty() ? null : stripped;
        }

        Integer integer(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                error(column, "must be a whole number, not " + text);
                return null;
            }
        }

        LocalDate date(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(column, "must be a date like 2026-12-31, not " + text);
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            String normalised = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(normalised)) {
                    return value;
                }
            }
            error(column, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", not " + text);
            return null;
        }

        <T> void validate(Set<ConstraintViolation<T>> violations) {
            if (malformed) {
                return;
            }
            violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach(v -> {
                        String column = v.getPropertyPath().iterator().next().getName();
                        if (!failed.contains(column)) {
                            error(column, v.getMessage());
                        }
                    });
        }

        boolean hasError(String column) {
            return failed.contains(column);
        }

        void error(String column, String message) {
            failed.add(column);
            if (malformed) {
                return;
            }
            errors.add(new ImportError(row.row(), column, message));
        }
    }
}
