package io.entente.backlog;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the SQL statements Hibernate prepares that touch the backlog, for the "no N+1" guard. */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    public static final AtomicInteger BACKLOG_STATEMENTS = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        if (sql.contains("backlog_item")) {
            BACKLOG_STATEMENTS.incrementAndGet();
        }
        return sql;
    }
}
