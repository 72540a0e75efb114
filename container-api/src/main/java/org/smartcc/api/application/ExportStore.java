package org.smartcc.api.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.domain.ExportFile;
import org.smartcc.api.domain.PopulationExport;

/** Exports and their complete files, kept so that an export survives a restart of the server. */
public interface ExportStore {

    void create(PopulationExport export);

    Optional<PopulationExport> find(String exportId);

    /** Records a complete file with the export's progress, in one transaction. */
    void fileDone(ExportFile file, long recordsDone, long bytes);

    /** Progress within a file, between files. */
    void progress(String exportId, long recordsDone, long bytes);

    void partDone(String exportId, int partsDone);

    /** Ends a running export; false when it was not running any more (cancelled meanwhile). */
    boolean finish(String exportId, PopulationExport.State state, String message, Instant finished, Instant expires);

    /**
     * Closes an export for good, CANCELLED (its app deleted it) or EXPIRED (its time was up), and forgets its files;
     * false when there is no such export or it was closed already.
     */
    boolean close(String exportId, PopulationExport.State state, Instant at);

    List<ExportFile> files(String exportId);

    List<PopulationExport> running();

    /** Done or failed exports whose time is up: their files are to be removed. */
    List<PopulationExport> expired(Instant now);
}
