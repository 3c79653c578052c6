package io.entente.sprint;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the SQL statements Hibernate prepares on the current thread between {@link #start()} and {@link #stop()},
 * so that the relay and the consumer running on their own threads do not blur the count.
 */
@PersistenceUnitExtension
public class SqlCounter implements StatementInspector {

    private static final ThreadLocal<AtomicInteger> COUNT = new ThreadLocal<>();

    public static void start() {
        COUNT.set(new AtomicInteger());
    }

    public static int stop() {
        AtomicInteger count = COUNT.get();
        COUNT.remove();
        return count == null ? 0 : count.get();
    }

    @Override
    public String inspect(String sql) {
        AtomicInteger count = COUNT.get();
        if (count != null) {
            count.incrementAndGet();
        }
        return sql;
    }
}
