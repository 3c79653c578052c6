package io.entente.platform.rest;

/**
 * The one rule for free text, wherever it arrives (request bodies through {@link StrictJson}, query parameters, event
 * payloads): surrounding blanks are dropped and text with nothing left is no text at all, so "   " is never stored as
 * an owner or matched as a search, and a required field left blank is refused like a missing one.
 */
public final class FreeText {

    private FreeText() {
    }

    /** The text stripped, or null when it is null or blank. */
    public static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
