package org.smartcc.engine.internal.spark;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.spark.sql.jdbc.JdbcConnectionProvider;
import scala.collection.immutable.Map;

/**
 * Spark's JDBC connections taken from the application server's pool (see {@link SparkJdbc}); Spark finds it through
 * {@code META-INF/services} and uses it only when a read names it.
 */
public final class ContainerPoolConnectionProvider extends JdbcConnectionProvider {

    @Override
    public String name() {
        return SparkJdbc.PROVIDER;
    }

    @Override
    public boolean canHandle(Driver driver, Map<String, String> options) {
        return options.contains(SparkJdbc.POOL_OPTION);
    }

    @Override
    public Connection getConnection(Driver driver, Map<String, String> options) {
        DataSource pool = SparkJdbc.pool(options.apply(SparkJdbc.POOL_OPTION));
        if (pool == null) {
            throw new IllegalStateException("this Spark executor cannot reach the application server's data source: "
                    + "with smartcc.db.jndi, Spark must run in the server (spark.master=local[*])");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("the application server's data source gives no connection: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean modifiesSecurityContext(Driver driver, Map<String, String> options) {
        return false;
    }
}
