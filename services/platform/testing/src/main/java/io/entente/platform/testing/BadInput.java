package io.entente.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways to break a valid JSON request body, one at a time, shared by every service's bad-input sweep: each service
 * lists its endpoints and valid bodies, this class supplies the breakages every JSON write must refuse with a 4xx
 * problem and without storing anything.
 */
public final class BadInput {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Above the services' 512 KB body limit. */
    public static final String BIG = "x".repeat(600 * 1024);

    private BadInput() {
    }

    /** One broken request. */
    public record Case(String name, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            // Ids vary from run to run; test names should not.
            return method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}") + ": " + name;
        }
    }

    /** {@code valid} with {@code field} set to the raw JSON value, or removed when it is null. */
    public static String with(String valid, String field, String rawJson) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(valid);
            if (rawJson == null) {
                node.remove(field);
            } else {
                node.set(field, JSON.readTree(rawJson));
            }
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Java string as a JSON string literal. */
    public static String str(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each Java string as a JSON string literal, e.g. injection attempts to put into a text field. */
    public static String[] strs(String... values) {
        return java.util.Arrays.stream(values).map(BadInput::str).toArray(String[]::new);
    }

    /** The breakages every JSON write gets: malformed documents, wrong types, mass assignment, oversized text. */
    public static List<Case> common(String method, String path, String valid, String textField) {
        List<Case> cases = new ArrayList<>();
        String json = "application/json";
        cases.add(new Case("empty body", method, path, json, ""));
        cases.add(new Case("truncated JSON", method, path, json, valid.substring(0, valid.length() / 2)));
        cases.add(new Case("not JSON", method, path, json, "title=hello&x=1"));
        cases.add(new Case("JSON array", method, path, json, "[" + valid + "]"));
        cases.add(new Case("JSON null", method, path, json, "null"));
        cases.add(new Case("JSON string", method, path, json, "\"hello\""));
        cases.add(new Case("trailing garbage", method, path, json, valid + "}}"));
        cases.add(new Case("duplicate nesting", method, path, json, "{\"a\":" + valid + "}"));
        cases.add(new Case("wrong content type", method, path, "text/plain", valid));
        cases.add(new Case("XML", method, path, "application/xml", "<item><title>x</title></item>"));
        cases.add(new Case("missing everything", method, path, json, "{}"));
        cases.add(new Case("unknown field", method, path, json, with(valid, "hacker", "true")));
        cases.add(new Case("client sets id", method, path, json,
                with(valid, "id", "\"00000000-0000-0000-0000-000000000001\"")));
        cases.add(new Case("client sets version", method, path, json, with(valid, "version", "7")));
        cases.add(new Case("client sets createdAt", method, path, json,
                with(valid, "createdAt", "\"2020-01-01T00:00:00Z\"")));
        cases.add(new Case("client sets createdBy", method, path, json, with(valid, "createdBy", "\"admin\"")));
        cases.add(new Case(textField + " as object", method, path, json, with(valid, textField, "{\"a\":1}")));
        cases.add(new Case(textField + " as array", method, path, json, with(valid, textField, "[\"a\"]")));
        cases.add(new Case(textField + " blank", method, path, json, with(valid, textField, "\"   \"")));
        cases.add(new Case(textField + " 10k characters", method, path, json,
                with(valid, textField, str("y".repeat(10_000)))));
        cases.add(new Case(textField + " with a NUL character", method, path, json,
                with(valid, textField, "\"a\\u0000b\"")));
        cases.add(new Case("body over 512 KB", method, path, json, with(valid, textField, str(BIG))));
        cases.add(new Case("deeply nested", method, path, json, valid.substring(0, valid.lastIndexOf('}'))
                + ",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}"));
        return cases;
    }

    /** One case per raw JSON value of {@code field} (null: the field is left out). */
    public static List<Case> field(String method, String path, String valid, String field, String... rawValues) {
        List<Case> cases = new ArrayList<>();
        for (String raw : rawValues) {
            cases.add(new Case(field + " = " + (raw == null ? "(missing)" : abbreviate(raw)), method, path,
                    "application/json", with(valid, field, raw)));
        }
        return cases;
    }

    public static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
