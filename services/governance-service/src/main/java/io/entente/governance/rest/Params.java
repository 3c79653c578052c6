package io.entente.governance.rest;

import io.entente.platform.rest.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Query parameters parsed here so that a bad value is a 400 that names it, not a bare 404 from the framework. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "must be a date like 2026-12-01");
        }
    }

    static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "must be a UUID");
        }
    }

    /** Accepts {@code field} or {@code -field} (descending); returns whether it is descending. */
    static boolean descending(String sort, String field, String name) {
        if (sort == null || sort.isBlank() || sort.equals(field)) {
            return false;
        }
        if (sort.equals("-" + field)) {
            return true;
        }
        throw Problems.invalid(name, "must be " + field + " or -" + field);
    }
}
