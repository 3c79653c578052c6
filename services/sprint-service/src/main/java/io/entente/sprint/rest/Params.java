package io.entente.sprint.rest;

import io.entente.platform.rest.Problems;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Query parameters read as text so that a bad value answers 400 with the allowed values, not a bare 404. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String normalised = value.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
                .replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        throw Problems.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "must be a UUID");
        }
    }

    static String key(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip();
        if (!key.matches("[A-Z0-9][A-Z0-9_-]{1,31}")) {
            throw Problems.invalid(name, "must be a key such as ONC-HELIX or GOVERNANCE");
        }
        return key;
    }
}
