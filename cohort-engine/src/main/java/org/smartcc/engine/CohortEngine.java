package org.smartcc.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.internal.jdbc.SnapshotRegistry;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.internal.jdbc.JdbcSavedQueryStore;
import org.smartcc.engine.internal.spark.JobTimings;
import org.smartcc.engine.internal.spark.ParquetSnapshotWriter;
import org.smartcc.engine.internal.spark.SparkSettings;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.aggregate.SetAggregates;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryRunStore;
import org.smartcc.engine.run.RunSettings;
import org.smartcc.engine.run.SavedQueries;
import org.smartcc.store.Database;

/**
 * The cohort engine: one Spark session (created on first use, local mode unless {@code spark.master} says otherwise,
 * a Spark Connect client for an {@code sc://} URL) over Parquet snapshots of the star schema. Made with
 * {@link #builder()}; {@code spark.*} settings pass straight through to Spark.
 */
public final class CohortEngine implements AutoCloseable {

    private final Map<String, String> sparkConfig;
    private final Path snapshotDirectory;
    private final Supplier<LocalDate> ageAsOf;
    private final List<SparkJobListener> jobListeners = new CopyOnWriteArrayList<>();
    /** Volatile so that {@link #sparkProblem()} reads it without waiting for a session being started. */
    private volatile SparkSession spark;

    private CohortEngine(Builder builder) {
        this.sparkConfig = Map.copyOf(builder.sparkConfig);
        this.snapshotDirectory = builder.snapshotDirectory;
        LocalDate fixed = builder.ageAsOf;
        this.ageAsOf = fixed == null ? LocalDate::now : () -> fixed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The engine's Spark session; the first call starts Spark (a few seconds) or connects to the Connect server. */
    public synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSettings.connectUrl(sparkConfig)
                    .map(url -> SparkSettings.connectSession(url, sparkConfig))
                    .orElseGet(() -> SparkSession.builder().config(SparkSettings.conf(sparkConfig)).getOrCreate());
            if (SparkSettings.connectUrl(sparkConfig).isEmpty()) {
                jobListeners.forEach(l -> spark.sparkContext().addSparkListener(new JobTimings(l)));
            }
        }
        return spark;
    }

    /**
     * Why Spark cannot take jobs, or empty when it can or has not been started yet: a classic session whose context
     * has stopped, or a Spark Connect server that does not answer a trivial query.
     */
    public Optional<String> sparkProblem() {
        SparkSession session = spark;
        if (session == null) {
            return Optional.empty();
        }
        if (SparkSettings.connectUrl(sparkConfig).isEmpty()) {
            return session.sparkContext().isStopped() ? Optional.of("the Spark context has stopped") : Optional.empty();
        }
        try {
            session.sql("SELECT 1").collectAsList();
            return Optional.empty();
        } catch (RuntimeException e) {
            // the class only: the message can name the server's address, whose URL may carry a token
            return Optional.of("the Spark Connect server does not answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Tells {@code listener} of every Spark job of the session, from its start on (call before the first use). A Spark
     * Connect client has no listener bus: there the listener hears nothing, as the jobs run in the Connect server.
     */
    public synchronized void onSparkJob(SparkJobListener listener) {
        jobListeners.add(listener);
        if (spark != null && SparkSettings.connectUrl(sparkConfig).isEmpty()) {
            spark.sparkContext().addSparkListener(new JobTimings(listener));
        }
    }

    public Path snapshotDirectory() {
        return snapshotDirectory;
    }

    /** The day on which demographic age terms count: the builder's date, else today (in the JVM's zone) when asked. */
    public LocalDate ageAsOf() {
        return ageAsOf.get();
    }

    /** Copies the star schema from the database into a new Parquet snapshot and registers it as the latest. */
    public Snapshot writeSnapshot(Database database) {
        Snapshot snapshot = new ParquetSnapshotWriter(spark(), snapshotDirectory).writeFromDatabase(database);
        new SnapshotRegistry(database).register(snapshot);
        return snapshot;
    }

    /**
     * Copies the star schema and the ontology of an i2b2 warehouse (opened with {@link Database#openReadOnly}) into a
     * new Parquet snapshot, and registers it as the latest of {@code registry}, the container's own database: the
     * warehouse is only read.
     */
    public Snapshot writeSnapshot(Database warehouse, Database registry) {
        Snapshot snapshot = new ParquetSnapshotWriter(spark(), snapshotDirectory).writeFromDatabase(warehouse);
        new SnapshotRegistry(registry).register(snapshot);
        return snapshot;
    }

    public Optional<Snapshot> latestSnapshot(Database database) {
        return new SnapshotRegistry(database).latest();
    }

    /**
     * The concept tree of {@code snapshot} with the patients under each node, the demographic terms included (their
     * ages as of {@link #ageAsOf()} now): one Spark job over the snapshot's facts and one over its patients (seconds on
     * the sample data; keep the tree for as long as the snapshot is the latest).
     */
    public ConceptTree conceptTree(Snapshot snapshot) {
        return ConceptTree.of(spark(), snapshot, ageAsOf());
    }

    /**
     * Aggregates over the patient sets of {@code store} on {@code snapshot}: reads the snapshot's concepts now (keep
     * the aggregates, and their draws, for as long as the snapshot is the latest).
     */
    public SetAggregates setAggregates(Snapshot snapshot, QueryRunStore store) {
        SparkSession session = spark();
        return SetAggregates.of(session, snapshot, setId -> store.setMembers(session, setId, false));
    }

    /**
     * Cohort runs over the latest snapshot of {@code database}, their queries and results kept in its {@code qt_*}
     * tables; close them before the engine.
     */
    public synchronized CohortRuns runs(Database database, PrivacySettings privacy, RunSettings settings,
                                        Clock clock) {
        return runs(database, privacy, settings, clock, run -> {
        });
    }

    /** @param ended hears of each run once it is final ({@link CohortRuns}) */
    public synchronized CohortRuns runs(Database database, PrivacySettings privacy, RunSettings settings,
                                        Clock clock, Consumer<QueryRun> ended) {
        return new CohortRuns(spark(), new JdbcQueryRunStore(database), privacy, settings,
                () -> latestSnapshot(database), clock, ageAsOf, ended);
    }

    /**
     * The saved queries (query masters) of the users of {@code database}; {@code runs} shows each one's last run (a
     * run by its id, as {@link CohortRuns#find} shows it).
     */
    public SavedQueries savedQueries(Database database, LongFunction<Optional<QueryRun>> runs, Clock clock) {
        return new SavedQueries(new JdbcSavedQueryStore(database), runs, clock);
    }

    @Override
    public synchronized void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    /** Collects the engine's settings; only {@code snapshotDirectory} is required. */
    public static final class Builder {

        private final Map<String, String> sparkConfig = new LinkedHashMap<>();
        private Path snapshotDirectory;
        private LocalDate ageAsOf;

        private Builder() {
        }

        /** A Spark setting, passed through unchanged; the key must start with {@code spark.}. */
        public Builder config(String key, String value) {
            if (!key.startsWith("spark.")) {
                throw new IllegalArgumentException("not a Spark setting (must start with spark.): " + key);
            }
            sparkConfig.put(key, Objects.requireNonNull(value, key));
            return this;
        }

        public Builder config(Map<String, String> settings) {
            settings.forEach(this::config);
            return this;
        }

        public Builder snapshotDirectory(Path directory) {
            this.snapshotDirectory = directory;
            return this;
        }

        /**
         * The day on which the age of demographic terms counts ({@code smartcc.cohort.age-as-of}); unset, each run
         * and tree counts it on the day it is made.
         */
        public Builder ageAsOf(LocalDate day) {
            this.ageAsOf = Objects.requireNonNull(day, "ageAsOf");
            return this;
        }

        public CohortEngine build() {
            if (snapshotDirectory == null) {
                throw new IllegalStateException("the cohort engine needs a snapshot directory");
            }
            return new CohortEngine(this);
        }
    }
}
