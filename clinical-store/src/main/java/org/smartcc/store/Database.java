package org.smartcc.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The relational store: a pooled connection to H2 (embedded default) or PostgreSQL, with the star schema migrated.
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
    }

    private final HikariDataSource dataSource;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens a pool and brings the schema up to date (Flyway); safe to call on every start. */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("smartcc-store");
        config.setDriverClassName(dialect == Dialect.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("clob", dialect.clobType, "blob", dialect.blobType))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, dialect);
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
        return dataSource.getJdbcUrl();
    }

    /** User and password as JDBC connection properties; never logged. */
    public java.util.Properties credentials() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", dataSource.getUsername() == null ? "" : dataSource.getUsername());
        properties.setProperty("password", dataSource.getPassword() == null ? "" : dataSource.getPassword());
        return properties;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
