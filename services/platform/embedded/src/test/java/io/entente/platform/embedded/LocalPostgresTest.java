package io.entente.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    private static Path newDataDir() {
        return Paths.get(System.getProperty("user.dir"), "target", "junit-postgres",
                UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    }

    @Test
    void keepsDataAcrossRestart() throws Exception {
        Path dir = newDataDir();
        long t0 = System.nanoTime();
        try (LocalPostgres pg = LocalPostgres.start(dir, 0, true)) {
            System.out.printf("LocalPostgres first start (initdb + start): %d ms on port %d%n", ms(t0), pg.port());
            pg.createDatabase("app", "app", "app");
            pg.createDatabase("app", "app", "app"); // idempotent
            assertTrue(pg.jdbcUrl("app").startsWith("jdbc:postgresql://127.0.0.1:" + pg.port() + "/app"));
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("app"), "app", "app");
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE note (id int PRIMARY KEY, text varchar(100))");
                st.execute("INSERT INTO note VALUES (1, 'survives restarts')");
            }
        }
        assertTrue(Files.exists(dir.resolve("PG_VERSION")), "data directory kept after close");

        long t1 = System.nanoTime();
        try (LocalPostgres pg = LocalPostgres.start(dir, 0, true)) {
            System.out.printf("LocalPostgres restart on kept data: %d ms on port %d%n", ms(t1), pg.port());
            pg.createDatabase("app", "app", "app");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("app"), "app", "app");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT text FROM note WHERE id = 1")) {
                assertTrue(rs.next(), "row written before the restart is still there");
                assertEquals("survives restarts", rs.getString(1));
            }
        }

        // keepData=false on the same directory: a fresh cluster, deleted again on close.
        long t2 = System.nanoTime();
        try (LocalPostgres pg = LocalPostgres.start(dir, 0, false)) {
            System.out.printf("LocalPostgres fresh cluster: %d ms%n", ms(t2));
            pg.createDatabase("app", "app", "app");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("app"), "app", "app");
                    Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.executeQuery("SELECT text FROM note"));
            }
        }
        assertFalse(Files.exists(dir), "throw-away cluster deleted on close");
    }

    @Test
    void serviceDatabaseSeparatesOwnerFromApplicationAndTakesOverAnOlderDatabase() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(newDataDir(), 0, false)) {
            // A database as earlier versions made it: owned by the application role, which created the tables.
            pg.createDatabase("svc", "svc", "svc");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("svc"), "svc", "svc");
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                st.execute("INSERT INTO kept VALUES (1)");
            }
            LocalPostgres.ServiceDatabase db = pg.createServiceDatabase("svc");
            pg.createServiceDatabase("svc"); // idempotent
            assertEquals("svc_owner", db.owner());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.owner(), db.ownerPassword());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT d.datdba::regrole::text, t.tableowner::text, count(k.*)"
                            + " FROM pg_database d, pg_tables t, kept k WHERE d.datname = 'svc'"
                            + " AND t.tablename = 'kept' GROUP BY 1, 2")) {
                assertTrue(rs.next());
                assertEquals("svc_owner", rs.getString(1), "database owner");
                assertEquals("svc_owner", rs.getString(2), "table owner: handed over with the data");
                assertEquals(1, rs.getInt(3), "the data is kept");
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                assertTrue(c.isValid(2), "the application role logs in");
            }
        }
    }

    @Test
    void rejectsNamesThatWouldNeedEscaping() {
        Path dir = newDataDir();
        try (LocalPostgres pg = LocalPostgres.start(dir, 0, false)) {
            assertThrows(IllegalArgumentException.class, () -> pg.createDatabase("x\"; DROP", "u", "p"));
            pg.createDatabase("quote_test", "quote_user", "it's a secret");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("quote_test"), "quote_user", "it's a secret")) {
                assertTrue(c.isValid(2));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
