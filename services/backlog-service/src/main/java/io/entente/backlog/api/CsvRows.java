package io.entente.backlog.api;

import java.util.List;

/**
 * An uploaded spreadsheet, cells as text: the header's column names and the records below it.
 *
 * @param rows each record with its row number as a spreadsheet shows it (the header is row 1)
 */
public record CsvRows(List<String> header, List<Row> rows) {

    public record Row(int row, List<String> cells) {
    }
}
