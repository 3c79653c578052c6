package io.entente.platform.db;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells "the database is down or restarting" apart from every other failure. The REST layer answers it with 503 and
 * the event consumer waits it out instead of giving up on the event: neither is the request's or the event's fault.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /**
     * True for a connection failure (SQLState 08xxx), a session cut by a server shutdown or restart (57P0x), or a
     * pool that cannot hand out a connection, anywhere in the cause chain.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Unable to acquire JDBC Connection")
                    || message.contains("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }
}
