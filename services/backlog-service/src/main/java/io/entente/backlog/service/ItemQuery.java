package io.entente.backlog.service;

import io.entente.platform.rest.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of a backlog list or export, as the client sent them. Repeated parameters (or comma-separated values)
 * mean "any of"; different filters combine with "and".
 *
 * @param dueBefore items due on or before this date (ISO), items without a due date are left out
 * @param q         words in the title or description, case-insensitive
 */
public record ItemQuery(List<String> allianceId, List<String> discipline, List<String> status, List<String> type,
                        String dueBefore, String q, String sourceRef, String sprintId) {

    public static <E extends Enum<E>> List<E> enums(String field, List<String> raw, Class<E> type) {
        List<E> values = new ArrayList<>();
        for (String value : split(raw)) {
            try {
                values.add(Enum.valueOf(type, value.trim().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
            }
        }
        return values;
    }

    public static List<String> split(List<String> raw) {
        List<String> values = new ArrayList<>();
        if (raw != null) {
            for (String entry : raw) {
                for (String part : entry.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
        }
        return values;
    }

    public static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "'" + raw + "' is not a date (YYYY-MM-DD)");
        }
    }
}
