package org.smartcc.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The relational store: a pooled connection to H2 (embedded default) or PostgreSQL, in a pool of its own or the
 * application server's, with the schema migrated. Each module keeps its Flyway migrations in a folder of its own below
 * {@code db/migration} in its jar (store, oauth, cohort, container); {@link #open} applies every folder on the
 * classpath. The versions are one sequence across the modules.
 */
public final class Database implements AutoCloseable {

    /** The SQL differences the store needs to know about. */
    public enum Dialect {
        H2("CLOB", "BLOB"), POSTGRESQL("TEXT", "BYTEA");

        private final String clobType;
        private final String blobType;

        Dialect(String clobType, String blobType) {
            this.blobType = blobType;
            this.clobType = clobType;
        }

        public static Dialect ofUrl(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL expected): "
                    + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
        }

        public String nextValue(String sequence) {
            return this == H2 ? "NEXT VALUE FOR " + sequence : "nextval('" + sequence + "')";
        }

        /**
         * An insert that replaces the row of the same key: {@code MERGE ... KEY} on H2, {@code ON CONFLICT} on
         * PostgreSQL. The key is the first of the columns; the values are bound in the columns' order.
         */
        public String upsert(String table, List<String> columns) {
            String key = columns.get(0);
            String values = String.join(", ", Collections.nCopies(columns.size(), "?"));
            if (this == H2) {
                return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                        + values + ")";
            }
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + values + ")"
                    + " ON CONFLICT (" + key + ") DO UPDATE SET " + columns.stream().skip(1)
                    .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        }
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String jdbcUrl;
    /** The pool this class opened and closes; null when the application server's pool is used. */
    private final HikariDataSource ownPool;

    private Database(DataSource dataSource, Dialect dialect, String jdbcUrl, HikariDataSource ownPool) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.ownPool = ownPool;
    }

    /**
     * Opens a pool and brings the schema up to date (Flyway); safe to call on every start. A process sees the
     * migrations of the modules on its classpath only: a batch job (store and engine) may open the container's
     * database, whose oauth and container migrations it does not have, and may create a database to which the
     * container later adds them below the engine's version. Hence missing migrations are no error and older ones may
     * be applied out of order. A module's migrations may therefore use only the tables of the modules it depends on
     * (whose migrations are then on the classpath too).
     */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        HikariDataSource ds = new HikariDataSource(poolConfig(jdbcUrl, user, password, dialect));
        try {
            migrate(ds, dialect);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, dialect, jdbcUrl, ds);
    }

    /**
     * The database behind a pool the application server owns (a JNDI data source), its schema brought up to date as
     * {@link #open(String, String, String)} does. The dialect comes from the URL the driver reports; {@link #close}
     * leaves the pool to the server, and {@link #credentials} has nothing to hand out.
     */
    public static Database ofContainerPool(DataSource pool) {
        String url;
        try (Connection c = pool.getConnection()) {
            // the parameters may hold the driver's settings, even a password: the dialect needs none of them
            url = c.getMetaData().getURL().split("[?;]", 2)[0];
        } catch (SQLException e) {
            throw new IllegalStateException("the application server's data source gives no connection: "
                    + e.getMessage(), e);
        }
        Dialect dialect = Dialect.ofUrl(url);
        migrate(pool, dialect);
        return new Database(pool, dialect, url, null);
    }

    /**
     * A database that someone else owns, such as an i2b2 warehouse, opened read-only: no migrations run, and every
     * connection of the pool is read-only, so that the container can never change it.
     */
    public static Database openReadOnly(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        HikariConfig config = poolConfig(jdbcUrl, user, password, dialect);
        config.setReadOnly(true);
        config.setPoolName("smartcc-warehouse");
        HikariDataSource ds = new HikariDataSource(config);
        return new Database(ds, dialect, jdbcUrl, ds);
    }

    private static HikariConfig poolConfig(String jdbcUrl, String user, String password, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("smartcc-store");
        config.setDriverClassName(dialect == Dialect.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
        return config;
    }

    private static void migrate(DataSource ds, Dialect dialect) {
        // the application's class loader, which sees every module's migrations: in the EAR this library is in lib/,
        // below the WAR whose WEB-INF/classes holds the API server's own
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        Flyway.configure(application != null ? application : Database.class.getClassLoader())
                .dataSource(ds)
                // scanned recursively: the folder of each module's jar
                .locations("classpath:db/migration")
                .outOfOrder(true)
                // "*:future" is Flyway's default: a database migrated by a newer version of the container
                .ignoreMigrationPatterns("*:missing", "*:future")
                .placeholders(Map.of("clob", dialect.clobType, "blob", dialect.blobType))
                .load()
                .migrate();
    }

    /** An embedded H2 file database at the given path (without extension). */
    public static String h2FileUrl(java.nio.file.Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL, for tools that open their own connections (the Spark snapshot writer). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Whether the application server pools the connections; then only {@link #dataSource} opens them. */
    public boolean pooledByContainer() {
        return ownPool == null;
    }

    /** User and password as JDBC connection properties; never logged. */
    public java.util.Properties credentials() {
        if (ownPool == null) {
            throw new IllegalStateException("the application server's data source keeps its credentials; "
                    + "open connections through dataSource()");
        }
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", ownPool.getUsername() == null ? "" : ownPool.getUsername());
        properties.setProperty("password", ownPool.getPassword() == null ? "" : ownPool.getPassword());
        return properties;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
