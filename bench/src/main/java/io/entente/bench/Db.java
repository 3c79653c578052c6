package io.entente.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The stack's PostgreSQL (127.0.0.1:15432): one database per service, user = password = database name. */
final class Db {

    static final String HOST = System.getProperty("bench.pg.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("bench.pg.port", 15432);

    private Db() {
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, database,
                database);
    }

    static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, "postgres", "");
    }

    static long count(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
