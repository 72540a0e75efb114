package org.smartcc.engine.run;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.privacy.ReportedCount;

/** Where query masters, runs, results and patient sets are kept; every change is committed when the call returns. */
public interface QueryRunStore {

    /** Stores the master, a QUEUED run and one QUEUED result per requested type. */
    QueryRun create(RunRequest request, String fingerprint, Instant now);

    /** The run's work has begun on the snapshot. */
    void started(long instanceId, String snapshotId, Instant at);

    /** One result is ready: the exact size (kept, never shown), what the user sees, and breakdown cells if any. */
    void resultFinished(long resultInstanceId, long exactSize, ReportedCount shown,
                        Map<String, ReportedCount> breakdown, Instant at);

    /** The run ended; results not finished by then take the same final status. */
    void ended(long instanceId, QueryStatus status, Optional<String> message, List<String> warnings,
               Optional<String> plan, Instant at);

    Optional<QueryRun> find(long instanceId);

    /** The runs of a query master, oldest first. */
    List<QueryRun> runsOfMaster(long masterId);

    /** The generated plan of the run's master, as last stored. */
    Optional<String> plan(long instanceId);

    /**
     * When the user submitted runs of the same definition (by fingerprint) since the instant, for the lockout; runs
     * that ended in ERROR before they started (their definition could not be compiled) answered nothing and do not
     * count.
     */
    List<Instant> earlierRuns(String user, String fingerprint, Instant since);

    /** Marks every QUEUED or PROCESSING run INCOMPLETE: called at start, when no run of this process exists yet. */
    int interruptUnfinished(Instant at, String message);

    void savePatientSet(long resultInstanceId, Iterator<Integer> patientNums);

    void saveEncounterSet(long resultInstanceId, Iterator<int[]> patientAndEncounterNums);

    /** A page of a patient set's members, in set order. */
    List<Integer> patientSet(long resultInstanceId, int offset, int limit);

    /**
     * The members of a patient set, or of an encounter set, as a Spark table for queries that use the set: columns
     * set_index, patient_num and, for encounters, encounter_num.
     */
    Dataset<Row> setMembers(SparkSession spark, long resultInstanceId, boolean encounters);

    /** One result, as {@link #find} shows it within its run. */
    Optional<RunResult> resultById(long resultInstanceId);

    /** Who ran the query that produced the result, if the result exists. */
    Optional<String> ownerOfResult(long resultInstanceId);

    /** The latest finished PATIENTSET result of a query master, if any, and its owner. */
    Optional<Long> latestPatientSetOfMaster(long masterId);

    /** Who created the query master, if it exists. */
    Optional<String> ownerOfMaster(long masterId);
}
