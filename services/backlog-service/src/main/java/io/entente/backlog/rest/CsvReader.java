package io.entente.backlog.rest;

import io.entente.backlog.api.CsvRows;
import io.entente.platform.problem.Problems;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an RFC 4180 spreadsheet export: a header row, then one record per row; cells in double quotes may hold
 * commas, doubled quotes and line breaks; lines end in CRLF or LF; a UTF-8 byte order mark is skipped. Blank lines
 * are skipped but counted. Row numbers count records as a spreadsheet shows them (header = row 1), not physical lines,
 * so a cell with a line break does not shift the numbers of the rows below it.
 */
final class CsvReader {

    private CsvReader() {
    }

    static CsvRows read(String text) {
        if (text == null || text.isBlank()) {
            throw Problems.invalid("file", "the file is empty; the first row must name the columns");
        }
        List<CsvRows.Row> records = parse(text.charAt(0) == '\uFEFF' ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw Problems.invalid("file", "the file is empty; the first row must name the columns");
        }
        if (records.get(0).row() != 1) {
            throw Problems.invalid("file", "the first row must name the columns; it is blank");
        }
        List<String> header = records.get(0).cells().stream().map(String::strip).toList();
        return new CsvRows(header, records.subList(1, records.size()));
    }

    private static List<CsvRows.Row> parse(String text) {
        List<CsvRows.Row> records = new ArrayList<>();
        int[] counted = {0};
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                addUnlessBlank(records, record, ++counted[0]);
                record = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw Problems.invalid("file", "a quoted cell is not closed (a \" is missing) in row " + (counted[0] + 1));
        }
        if (!cell.isEmpty() || !record.isEmpty() || wasQuoted) {
            record.add(cell.toString());
            addUnlessBlank(records, record, ++counted[0]);
        }
        return records;
    }

    private static void addUnlessBlank(List<CsvRows.Row> records, List<String> record, int row) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return;
        }
        records.add(new CsvRows.Row(row, record));
    }
}
