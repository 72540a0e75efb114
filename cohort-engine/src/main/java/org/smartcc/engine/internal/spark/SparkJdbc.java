package org.smartcc.engine.internal.spark;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.smartcc.store.Database;

/**
 * The connection properties with which Spark's JDBC source reads the store. A store in a pool of its own hands Spark
 * its user and password, so that Spark's tasks connect wherever they run. A store in the application server's pool
 * (a JNDI data source) has no credentials to hand out: Spark's tasks then borrow the pool's connections through
 * {@link ContainerPoolConnectionProvider}, which only tasks in this JVM can reach (local mode).
 */
public final class SparkJdbc {

    static final String PROVIDER = "smartcc-container-pool";
    static final String POOL_OPTION = "smartcc.pool";

    private static final Map<String, DataSource> POOLS = new ConcurrentHashMap<>();

    private SparkJdbc() {
    }

    /** The properties of {@code spark.read().jdbc(database.jdbcUrl(), table, properties)}. */
    public static Properties properties(Database database) {
        Properties properties = new Properties();
        if (database.pooledByContainer()) {
            properties.setProperty("connectionProvider", PROVIDER);
            properties.setProperty(POOL_OPTION, register(database.dataSource()));
        } else {
            properties.putAll(database.credentials());
        }
        properties.setProperty("driver", database.dialect() == Database.Dialect.H2
                ? "org.h2.Driver" : "org.postgresql.Driver");
        return properties;
    }

    /** The pool registered under the key, or null in a JVM that has none (a Spark executor elsewhere). */
    static DataSource pool(String key) {
        return POOLS.get(key);
    }

    private static synchronized String register(DataSource pool) {
        for (Map.Entry<String, DataSource> entry : POOLS.entrySet()) {
            if (entry.getValue() == pool) {
                return entry.getKey();
            }
        }
        String key = "pool-" + POOLS.size();
        POOLS.put(key, pool);
        return key;
    }
}
