package org.smartcc.engine.run;

/**
 * The states of a run and of each of its results, with i2b2's names and {@code QT_QUERY_STATUS_TYPE} ids, so that
 * i2b2 clients read them unchanged. A run interrupted by a restart is INCOMPLETE, never left PROCESSING.
 */
public enum QueryStatus {
    QUEUED(1), PROCESSING(2), FINISHED(3), ERROR(4), INCOMPLETE(5), CANCELLED(9), TIMEDOUT(10);

    private final int i2b2Id;

    QueryStatus(int i2b2Id) {
        this.i2b2Id = i2b2Id;
    }

    public int i2b2Id() {
        return i2b2Id;
    }

    /** Whether the run can change no more. */
    public boolean isFinal() {
        return this != QUEUED && this != PROCESSING;
    }
}
