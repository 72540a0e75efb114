package org.smartcc.engine.infrastructure.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The engine's Spark defaults (local mode on loopback, no UI, few shuffle partitions for a small machine, fair
 * scheduling between concurrent runs), overridden
 * by any {@code spark.*} key the deployment sets.
 */
public final class SparkSettings {

    private static final Map<String, String> DEFAULTS = Map.of(
            "spark.master", "local[*]",
            "spark.app.name", "smartcc-cohort-engine",
            "spark.ui.enabled", "false",
            "spark.ui.showConsoleProgress", "false",
            "spark.driver.host", "127.0.0.1",
            "spark.driver.bindAddress", "127.0.0.1",
            "spark.sql.shuffle.partitions", "4",
            "spark.sql.session.timeZone", "UTC",
            // each concurrent cohort run has its own pool, so small queries are not queued behind a large one
            "spark.scheduler.mode", "FAIR",
            "spark.metrics.conf.*.sink.servlet.class", NoServletMetricsSink.class.getName());

    private SparkSettings() {
    }

    public static SparkConf conf(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(overrides);
        SparkConf conf = new SparkConf(false);
        merged.forEach(conf::set);
        return conf;
    }
}
