package io.entente.backlog.service;

import io.entente.platform.rest.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset position: the sort it belongs to, the last row's id and its sort value. Opaque to clients (base64url), so
 * a cursor cannot be replayed against another sort.
 */
public record Cursor(String sort, String id, String value) {

    public String encode() {
        String raw = sort + "|" + id + "|" + (value == null ? "" : value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; 400 for a cursor that is not from this list and sort. */
    public static Cursor decode(String after, String sort) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length == 3 && parts[0].equals(sort)) {
                return new Cursor(parts[0], parts[1], parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the refusal
        }
        throw Problems.invalid("after", "is not a cursor of this list with sort " + sort);
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > 200) {
            throw Problems.invalid("limit", "must be between 1 and 200");
        }
        return requested;
    }
}
