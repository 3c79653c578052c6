package io.entente.e2e.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Read-only SQL against one service's database on the stack's PostgreSQL (127.0.0.1:15432; user = password =
 * database name, as the launcher creates them). Counting rows is the only way to see what each service really
 * committed, independent of what its API chooses to show.
 */
public final class StackDatabase {

    private static final String URL = "jdbc:postgresql://127.0.0.1:15432/";

    private final String database;

    public StackDatabase(String database) {
        this.database = database;
    }

    public String name() {
        return database;
    }

    /** One row per result row, columns as JDBC returns them. Collections become SQL arrays of {@code arrayType}. */
    public List<Object[]> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(URL + database, database, database);
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i] instanceof TypedArray array ? array.in(c) : params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0)[0]).longValue();
    }

    /** {@code = any(?)} parameters: {@code StackDatabase.array("uuid", ids)}. */
    public static TypedArray array(String type, Collection<?> values) {
        return new TypedArray(type, values.toArray());
    }

    public record TypedArray(String type, Object[] values) {
        Array in(Connection c) throws SQLException {
            return c.createArrayOf(type, values);
        }
    }
}
