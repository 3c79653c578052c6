package io.entente.platform.rest;

import io.entente.platform.figures.Quarter;
import io.entente.platform.problem.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How every service reads a query parameter: blank is absent, anything else is read strictly, and a value that does
 * not read answers 400 problem+json naming the parameter and what it must be. {@link QueryParamConverters} applies
 * these to typed {@code @QueryParam}s; list parameters that also take comma-separated values call them directly.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** An enum constant by name: case, surrounding blanks, {@code -} for {@code _} and camelCase do not matter. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (absent(value)) {
            return null;
        }
        String normalised = value.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
                .replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        throw Problems.invalid(name, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** Every value of a repeated parameter, each of which may also hold comma-separated values. */
    public static <E extends Enum<E>> List<E> enumValues(String name, Collection<String> values, Class<E> type) {
        return split(values).stream().map(v -> enumValue(name, v, type)).distinct().toList();
    }

    /** The values of a repeated parameter, comma-separated values split, blanks dropped. */
    public static List<String> split(Collection<String> values) {
        List<String> all = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            all.add(part.strip());
                        }
                    }
                }
            }
        }
        return List.copyOf(all);
    }

    public static UUID uuid(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            String text = value.strip();
            UUID id = UUID.fromString(text);
            // UUID.fromString accepts short groups ("1-2-3-4-5"); only the canonical form is an id of ours.
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "'" + value + "' is not a UUID");
        }
    }

    public static LocalDate date(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "'" + value + "' is not a date like 2026-12-01");
        }
    }

    public static Instant instant(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "'" + value + "' is not a UTC instant like 2026-12-01T09:00:00Z");
        }
    }

    /** A quarter such as {@code 2026-Q3}. */
    public static Quarter quarter(String name, String value) {
        return absent(value) ? null : Quarter.parse(name, value);
    }

    /** A key such as {@code ONC-HELIX} (alliance) or {@code GOVERNANCE}. */
    public static String key(String name, String value) {
        if (absent(value)) {
            return null;
        }
        String key = value.strip();
        if (!key.matches("[A-Z0-9][A-Z0-9_-]{1,31}")) {
            throw Problems.invalid(name, "'" + value + "' is not a key such as ONC-HELIX");
        }
        return key;
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
