package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.smartcc.engine.run.QueryRun;

/**
 * The container's application metrics (MicroProfile Metrics, served by the server at {@code /metrics} in Prometheus
 * format). Tags take values from small fixed sets only (endpoint templates, statuses, error codes, run states, media
 * types): a record id, user name or raw path would make a series per value and could carry personal data.
 */
@ApplicationScoped
public class OperationMetrics {

    static final String REQUESTS = "smartcc.http.requests";
    static final String OAUTH_FAILURES = "smartcc.oauth.failures";
    static final String TOKENS_ISSUED = "smartcc.oauth.tokens.issued";
    static final String TOKENS_REVOKED = "smartcc.oauth.tokens.revoked";
    static final String COHORT_RUNS = "smartcc.cohort.runs";
    static final String SPARK_JOBS = "smartcc.spark.jobs";
    static final String EXPORT_BYTES = "smartcc.export.bytes";

    @Inject
    MetricRegistry registry;

    /** One answered request: its count gives the rate, its timer the latency, per endpoint and status. */
    public void request(String method, String endpoint, int status, Duration took) {
        registry.timer(REQUESTS, new Tag("method", method), new Tag("endpoint", endpoint),
                new Tag("status", Integer.toString(status))).update(took);
    }

    /** A refused OAuth check or OAuth step, by its stable error code. */
    public void oauthFailure(String code) {
        registry.counter(OAUTH_FAILURES, new Tag("code", code)).inc();
    }

    /** A token minted: {@code request}, {@code access}, {@code background} or {@code connect} ({@link TokenMetrics}). */
    public void tokenIssued(String kind) {
        registry.counter(TOKENS_ISSUED, new Tag("kind", kind)).inc();
    }

    public void tokensRevoked(long count) {
        registry.counter(TOKENS_REVOKED).inc(count);
    }

    /** A cohort run that ended, by its final state, timed from submission to end. */
    public void cohortRun(QueryRun run) {
        Duration took = run.ended().map(end -> Duration.between(run.submitted(), end)).orElse(Duration.ZERO);
        registry.timer(COHORT_RUNS, new Tag("state", run.status().name().toLowerCase(Locale.ROOT))).update(took);
    }

    public void sparkJob(boolean succeeded, Duration took) {
        registry.timer(SPARK_JOBS, new Tag("result", succeeded ? "succeeded" : "failed")).update(took);
    }

    /** Bytes of population export files sent, by the file's media type. */
    public void exportBytes(String mediaType, long bytes) {
        registry.counter(EXPORT_BYTES, new Tag("format", mediaType)).inc(bytes);
    }
}
