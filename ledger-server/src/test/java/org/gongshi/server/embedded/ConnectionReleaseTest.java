package org.gongshi.server.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection the event store borrows goes back to the pool once. Returned twice, the second return came after another
 * thread had borrowed the same pooled connection, and Hikari's close cleared that borrower's list of open statements
 * under it: the event store's reader failed with {@code ArrayIndexOutOfBoundsException} in Hikari's {@code FastList}
 * (crash audit, stop 45), and a command appending at that moment would have failed the same way.
 */
class ConnectionReleaseTest {

    private final HikariDataSource pool = new HikariDataSource(config());
    /** How often each connection the pool lent was closed, in the order they were lent. */
    private final List<AtomicInteger> closes = new CopyOnWriteArrayList<>();
    private final DelegatingDataSource counted = new DelegatingDataSource(pool) {
        @Override
        public Connection getConnection() throws SQLException {
            return counting(pool.getConnection());
        }
    };
    private final TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(counted));
    private final ConnectionProvider connections = PooledConnections.of(counted);

    private static HikariConfig config() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:release-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(2);
        return config;
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void a_unit_of_work_s_connection_goes_back_to_the_pool_once() throws SQLException {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        command.attachTransaction(transactions); // as the command bus's transaction interceptor does
        read(connections.getConnection()); // as an append or a read of the aggregate's events does, twice
        read(connections.getConnection());
        command.commit();

        assertEachClosedOnce(1);
    }

    @Test
    void a_rolled_back_unit_of_work_s_connection_goes_back_to_the_pool_once() throws SQLException {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        command.attachTransaction(transactions);
        read(connections.getConnection());
        command.rollback();

        assertEachClosedOnce(1);
    }

    @Test
    void a_connection_outside_a_unit_of_work_goes_back_once() throws SQLException {
        read(connections.getConnection()); // the event store's reader, in a transaction of its own
        transactions.executeInTransaction(() -> {
            try {
                read(connections.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertEachClosedOnce(2);
    }

    /** The pool lent {@code lent} connections, and each came back once. */
    private void assertEachClosedOnce(int lent) {
        assertThat(closes).hasSize(lent).allSatisfy(count -> assertThat(count).as("closes of a lent connection").hasValue(1));
    }

    /** A query, its statement closed, then the connection closed, as Axon's {@code JdbcUtils} does. */
    private static void read(Connection connection) throws SQLException {
        try (connection; PreparedStatement statement = connection.prepareStatement("SELECT 1"); ResultSet result = statement.executeQuery()) {
            assertThat(result.next()).isTrue();
        }
    }

    private Connection counting(Connection lent) {
        AtomicInteger count = new AtomicInteger();
        closes.add(count);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("close")) count.incrementAndGet();
            try {
                return method.invoke(lent, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
