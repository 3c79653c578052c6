package io.entente.local;

/**
 * A startup problem the user can act on. EntenteUp prints only the message (no stack trace) and exits 1,
 * so the message must say what is wrong and what to do about it.
 */
final class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
