package io.entente.platform.paging;

import io.entente.platform.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A keyset position, opaque to clients: the sort it was made for and the last row's sort values. It carries a
 * checksum so that a cursor cut short or edited by hand is refused (400 naming {@code after}) instead of silently
 * read as the first page or as some other position, and the sort name so it cannot be replayed against another order.
 */
public final class Cursor {

    /** The query parameter that carries a cursor in every list. */
    public static final String PARAMETER = "after";

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String sort, List<String> values) {
        StringBuilder raw = new StringBuilder(sort);
        for (String value : values) {
            raw.append(SEPARATOR).append(value == null ? "" : value);
        }
        String body = raw.toString();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((checksum(body) + SEPARATOR + body).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The values of a cursor made by {@link #encode} for {@code sort} with {@code parts} values; null when the client
     * sent none; a 400 problem naming {@code after} for anything else.
     */
    public static List<String> decode(String after, String sort, int parts) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(after);
            // The last character of unpadded base64 may carry bits the decoder drops: without this check two
            // spellings would read as one cursor, and an edited cursor could pass for the original.
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(after)) {
                throw invalid();
            }
            String raw = new String(bytes, StandardCharsets.UTF_8);
            int split = raw.indexOf(SEPARATOR);
            if (split > 0) {
                String body = raw.substring(split + 1);
                List<String> fields = new ArrayList<>(Arrays.asList(body.split(String.valueOf(SEPARATOR), -1)));
                if (raw.substring(0, split).equals(checksum(body)) && fields.size() == parts + 1
                        && fields.get(0).equals(sort)) {
                    return List.copyOf(fields.subList(1, fields.size()));
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below like any other foreign cursor
        }
        throw invalid();
    }

    /** The refusal for a cursor that does not belong to this list and order. */
    public static RuntimeException invalid() {
        return Problems.invalid(PARAMETER, "is not a cursor of this list in this order; pass the 'next' value of "
                + "the previous page unchanged");
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), 36);
    }
}
