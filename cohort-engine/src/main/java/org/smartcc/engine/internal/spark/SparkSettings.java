package org.smartcc.engine.internal.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The engine's Spark defaults (local mode on loopback, no UI, few shuffle partitions for a small machine, fair
 * scheduling between concurrent runs), overridden by any {@code spark.*} key the deployment sets. A Spark Connect
 * URL ({@code spark.master} or {@code spark.remote} = {@code sc://host:15002}) makes the engine a Connect client of
 * that server instead.
 */
public final class SparkSettings {

    private static final Logger LOG = Logger.getLogger(SparkSettings.class.getName());
    /** Where a Connect URL may be given: the engine's master setting, PySpark's key and the JVM client's key. */
    private static final List<String> CONNECT_KEYS = List.of("spark.master", "spark.remote", "spark.connect.remote");
    private static final int DEFAULT_CONNECT_PORT = 15002;
    private static final int REACH_TIMEOUT_MILLIS = 10_000;

    /** Of the defaults, what a Connect session gets too (the rest is the server's): the engine's dates are UTC. */
    private static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("spark.master", "local[*]"),
            Map.entry("spark.app.name", "smartcc-cohort-engine"),
            Map.entry("spark.ui.enabled", "false"),
            Map.entry("spark.ui.showConsoleProgress", "false"),
            Map.entry("spark.driver.host", "127.0.0.1"),
            Map.entry("spark.driver.bindAddress", "127.0.0.1"),
            Map.entry("spark.sql.shuffle.partitions", "4"),
            Map.entry(SESSION_TIME_ZONE, "UTC"),
            // each concurrent cohort run has its own pool, so small queries are not queued behind a large one
            Map.entry("spark.scheduler.mode", "FAIR"),
            Map.entry("spark.metrics.conf.*.sink.servlet.class", NoServletMetricsSink.class.getName()),
            // Hadoop's URL handler (hdfs: URLs for ADD JAR, which the engine never runs) cannot be installed in an
            // application server, which has set the JVM's one URLStreamHandlerFactory already; Spark would warn
            // "failed to set FsUrlStreamHandlerFactory" on every start
            Map.entry("spark.sql.defaultUrlStreamHandlerFactory.enabled", "false"));

    /**
     * What no deployment setting may change: SQL on files ({@code SELECT ... FROM text.`/etc/passwd`}) would let any
     * expression that reaches Spark read the server's files; the engine reads its snapshots through the DataFrame
     * API and never needs it.
     */
    private static final Map<String, String> FIXED = Map.of("spark.sql.runSQLOnFiles", "false");

    private SparkSettings() {
    }

    public static SparkConf conf(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(overrides);
        fix(merged);
        SparkConf conf = new SparkConf(false);
        merged.forEach(conf::set);
        return conf;
    }

    private static void fix(Map<String, String> settings) {
        FIXED.forEach((key, value) -> {
            String asked = settings.put(key, value);
            if (asked != null && !asked.equals(value)) {
                LOG.warning(key + "=" + asked + " is not allowed: the engine keeps " + key + "=" + value);
            }
        });
    }

    /** The Spark Connect URL the settings name, if any. */
    public static Optional<String> connectUrl(Map<String, String> settings) {
        return CONNECT_KEYS.stream().map(settings::get).filter(v -> v != null && v.startsWith("sc://")).findFirst();
    }

    /**
     * A session on the Spark Connect server: the {@code spark.sql.*} settings apply to it; the rest (executors,
     * memory, scheduling) are the server's own, so they are left out and named in the log.
     */
    public static SparkSession connectSession(String url, Map<String, String> settings) {
        Map<String, String> session = new LinkedHashMap<>();
        session.put(SESSION_TIME_ZONE, DEFAULTS.get(SESSION_TIME_ZONE));
        List<String> ignored = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("spark.sql.")) {
                session.put(key, value);
            } else if (!CONNECT_KEYS.contains(key)) {
                ignored.add(key);
            }
        });
        if (!ignored.isEmpty()) {
            LOG.warning("Spark Connect: the server's own settings apply; ignored " + ignored);
        }
        fix(session);
        // the URL may carry a token after ';': messages name the server only
        String server = url.split(";", 2)[0];
        requireReachable(server);
        SparkSession spark = SparkSession.builder().connect().remote(url).create();
        try {
            spark.version(); // the first call that reaches the server
        } catch (Exception e) { // Spark's SparkException too, which Scala throws unchecked
            throw closing(spark, new IllegalStateException("the Spark Connect server " + server
                    + " does not answer: " + e.getMessage(), e));
        }
        for (Map.Entry<String, String> setting : session.entrySet()) {
            try {
                spark.conf().set(setting.getKey(), setting.getValue());
            } catch (Exception e) {
                throw closing(spark, new IllegalArgumentException("the Spark Connect server " + server
                        + " refused the setting " + setting.getKey() + ": " + e.getMessage(), e));
            }
        }
        return spark;
    }

    /**
     * Fails at once when nothing listens at the server's address: the Connect client would retry for many minutes
     * (its default policy), and a mistyped host or port would look like a hung engine.
     */
    private static void requireReachable(String server) {
        URI address = URI.create(server);
        if (address.getHost() == null) {
            throw new IllegalArgumentException("not a Spark Connect URL (sc://host:port): " + server);
        }
        int port = address.getPort() < 0 ? DEFAULT_CONNECT_PORT : address.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), port), REACH_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new IllegalStateException("the Spark Connect server " + server + " cannot be reached: "
                    + e.getMessage(), e);
        }
    }

    /** Closes the session and returns the failure to throw; a failure of the close is kept with it. */
    private static RuntimeException closing(SparkSession spark, RuntimeException failure) {
        try {
            spark.stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
