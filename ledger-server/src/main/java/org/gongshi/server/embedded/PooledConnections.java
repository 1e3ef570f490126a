package org.gongshi.server.embedded;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The event store's connections: the unit of work's own, else the Spring transaction's, else one from the pool; each goes
 * back to the pool once. Axon's {@code SpringDataSourceConnectionProvider} releases a connection when the unit of work
 * cleans up, after the transaction's commit or rollback has already returned it to the pool: released again with no
 * transaction left, it was closed a second time, and by then another thread (the event store's reader, another command)
 * could hold the same pooled connection. Hikari's close clears the connection's list of open statements, which all its
 * loans share: the reader failed with {@code ArrayIndexOutOfBoundsException} in Hikari's {@code FastList} under load (crash
 * audit, stop 45). A connection the transaction lent is released only while that transaction holds it.
 */
final class PooledConnections implements ConnectionProvider {

    private final DataSource dataSource;

    private PooledConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static ConnectionProvider of(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new PooledConnections(dataSource));
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        boolean lentByTransaction = DataSourceUtils.isConnectionTransactional(connection, dataSource);
        return ConnectionWrapperFactory.wrap(connection, new ConnectionWrapperFactory.ConnectionCloseHandler() {
            @Override
            public void close(Connection delegate) {
                // the transaction's end returned it to the pool: it may be another thread's loan by now
                if (lentByTransaction && !DataSourceUtils.isConnectionTransactional(delegate, dataSource)) return;
                DataSourceUtils.releaseConnection(delegate, dataSource);
            }

            @Override
            public void commit(Connection delegate) throws SQLException {
                if (!DataSourceUtils.isConnectionTransactional(delegate, dataSource)) delegate.commit();
            }
        });
    }
}
