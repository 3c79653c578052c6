package io.entente.platform.testing;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.UUID;

import io.entente.platform.embedded.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh PostgreSQL 17 cluster per test run, under {@code <module>/target/test-postgres/<random>}, with one
 * database made by {@link LocalPostgres#createServiceDatabase}: owner role {@code <database>_owner} for the migrations,
 * application role {@code <database>} for the service.
 *
 * <pre>
 * &#64;WithTestResource(PostgresTestResource.class)                          // database "entente"
 * &#64;WithTestResource(value = PostgresTestResource.class,
 *         initArgs = &#64;ResourceArg(name = "database", value = "backlog"))  // database and application role "backlog"
 * </pre>
 * ({@code @QuarkusTestResource} works too; in Quarkus 3.32 it is deprecated and, unlike {@code @WithTestResource},
 * applies to every test class of the module.)
 *
 * Returns {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username}, {@code quarkus.datasource.password},
 * {@code quarkus.datasource.db-kind=postgresql}, and {@code quarkus.flyway.username} / {@code quarkus.flyway.password}
 * (the owner).
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
        LocalPostgres.ServiceDatabase db = postgres.createServiceDatabase(database);
        current = postgres;
        // Migrations run as the owner, the service as the application role: tests see the grants production has.
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "quarkus.flyway.username", db.owner(),
                "quarkus.flyway.password", db.ownerPassword());
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
