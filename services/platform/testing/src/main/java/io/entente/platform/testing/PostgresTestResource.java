package io.entente.platform.testing;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh PostgreSQL 17 cluster per test run, under {@code <module>/target/test-postgres/<random>}, with one
 * database whose owner has the same name and password.
 *
 * <pre>
 * &#64;WithTestResource(PostgresTestResource.class)                          // database "entente"
 * &#64;WithTestResource(value = PostgresTestResource.class,
 *         initArgs = &#64;ResourceArg(name = "database", value = "backlog"))  // database, user, password "backlog"
 * </pre>
 * ({@code @QuarkusTestResource} works too; in Quarkus 3.32 it is deprecated and, unlike {@code @WithTestResource},
 * applies to every test class of the module.)
 *
 * Returns {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username}, {@code quarkus.datasource.password}
 * and {@code quarkus.datasource.db-kind=postgresql}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DEFAULT_DATABASE = "entente";

    private static volatile LocalPostgres current;

    private String database = DEFAULT_DATABASE;
    private LocalPostgres postgres;

    /** The server started by the most recent {@code start()} in this JVM (null before, or after stop). */
    public static LocalPostgres current() {
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        String db = initArgs.get("database");
        if (db != null && !db.isBlank()) {
            database = db.trim();
        }
    }

    @Override
    public Map<String, String> start() {
        Path parent = Paths.get(System.getProperty("user.dir"), "target", "test-postgres").toAbsolutePath();
        LocalPostgres.cleanAbandoned(parent);
        postgres = LocalPostgres.start(parent.resolve(UUID.randomUUID().toString().substring(0, 8)), 0, false);
        postgres.createDatabase(database, database, database);
        current = postgres;
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            if (current == postgres) {
                current = null;
            }
            postgres.close();
            postgres = null;
        }
    }
}
