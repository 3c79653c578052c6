package io.entente.sprint.rest;

import io.entente.platform.rest.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** An opaque keyset cursor: the sort values of the last row of a page. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... values) {
        String joined = String.join(SEPARATOR, Arrays.stream(values).map(v -> v == null ? "" : v.toString()).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The values of a cursor from this service, or 400 when it is not one with {@code parts} values. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = Arrays.asList(joined.split(SEPARATOR, -1));
            if (values.size() != parts) {
                throw new IllegalArgumentException();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("after", "not a cursor from this list; use the 'next' value of the previous page");
        }
    }
}
