package io.entente.backlog.rest;

/** Request text as the domain keeps it, applied where the request records are built (before validation). */
final class Text {

    private Text() {
    }

    /**
     * Optional free text: surrounding blanks go, and text of nothing but blanks is no value at all (null), so "   "
     * never shows as an empty description, owner or mitigation, and a filter on "has an owner" means what it says.
     */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
