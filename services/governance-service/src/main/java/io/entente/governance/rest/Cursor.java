package io.entente.governance.rest;

import io.entente.platform.rest.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Keyset cursor: the sort value and the id of the last row read, opaque to clients. */
public record Cursor(String value, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((value + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            int split = text.lastIndexOf('\n');
            return new Cursor(text.substring(0, split), UUID.fromString(text.substring(split + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw Problems.invalid("after", "is not a cursor returned by this list");
        }
    }
}
