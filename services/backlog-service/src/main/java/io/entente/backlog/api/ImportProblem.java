package io.entente.backlog.api;

import io.entente.platform.problem.Problem;

import java.util.List;

/**
 * The problem+json answer to an import refused because of its rows: nothing was stored. {@code errors} names each
 * bad cell as {@code row N: column} for generic clients; {@code result} has the same rows and errors as a dry run.
 */
public record ImportProblem(String type, String title, int status, String detail, String instance,
                            List<Problem.FieldError> errors, ImportResult result) {

    public static ImportProblem of(ImportResult result, String instance) {
        List<Problem.FieldError> fields = result.errors().stream()
                .map(e -> new Problem.FieldError("row " + e.row() + (e.column() == null ? "" : ": " + e.column()),
                        e.message()))
                .toList();
        long badRows = result.errors().stream().mapToInt(ImportResult.ImportError::row).distinct().count();
        return new ImportProblem("https://entente.io/problems/import-rows-invalid", "Rows refused", 422,
                badRows + " of " + result.rows() + " rows cannot be imported; nothing was imported. Fix them and "
                        + "send the file again.", instance, fields, result);
    }
}
