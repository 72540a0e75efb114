package org.smartcc.engine.internal.spark;

import com.codahale.metrics.MetricRegistry;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.metrics.sink.MetricsServlet;
import org.sparkproject.jetty.servlet.ServletContextHandler;

/**
 * Spark always builds its {@code /metrics/json} servlet, even with the UI off; its shaded Jetty 11 needs Servlet 5
 * classes that Payara's Servlet 6 lacks. This sink keeps the metrics and builds no servlet.
 */
public class NoServletMetricsSink extends MetricsServlet {

    public NoServletMetricsSink(Properties properties, MetricRegistry registry) {
        super(properties, registry);
    }

    @Override
    public ServletContextHandler[] getHandlers(SparkConf conf) {
        return new ServletContextHandler[0];
    }
}
