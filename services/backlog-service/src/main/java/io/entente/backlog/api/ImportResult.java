package io.entente.backlog.api;

import java.util.List;

/**
 * What an import did, or with {@code dryRun} what it would do.
 *
 * @param rows    data rows in the file (the header not counted)
 * @param created rows stored (0 on a dry run and whenever a row has an error: an import is all or nothing)
 * @param columns the columns of {@code preview}'s values, in order
 * @param preview the first rows as they would be stored (at most 200), values normalised (e.g. enum names)
 * @param errors  every problem found, by row and column
 */
public record ImportResult(String kind, boolean dryRun, int rows, int created, List<String> columns,
                           List<ImportRow> preview, List<ImportError> errors) {

    public record ImportRow(int row, List<String> values) {
    }

    /**
     * @param row    the row number a spreadsheet shows (the header is row 1)
     * @param column the column at fault, or null when the whole row is
     */
    public record ImportError(int row, String column, String message) {
    }
}
