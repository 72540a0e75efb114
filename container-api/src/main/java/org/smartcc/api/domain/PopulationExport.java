package org.smartcc.api.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An asynchronous export of a patient set's collections (docs/population.md): one part per collection and format, in
 * that order, each written to files split at a size. {@code partsDone} parts are complete; the files of the part after
 * them that are complete let a restart resume after their last record.
 *
 * @param formats     media types
 * @param filters     the per-record filters, as a form-encoded query string
 * @param fingerprint of the set's members and their records' versions when the export began
 */
public record PopulationExport(String id, String appId, String grantedBy, long setId, List<String> collections,
                               List<String> formats, String filters, String apiBase, State state, String fingerprint,
                               long recordsTotal, long recordsDone, long bytes, int partsDone, String message,
                               Instant created, Instant finished, Instant expires) {

    public PopulationExport {
        collections = List.copyOf(collections);
        formats = List.copyOf(formats);
    }

    /**
     * RUNNING until every file is complete (DONE) or it fails (FAILED); CANCELLED once its app deleted it, EXPIRED once
     * its files were removed after {@code expires}: neither is answered any more.
     */
    public enum State {
        RUNNING, DONE, FAILED, CANCELLED, EXPIRED
    }

    /** One part: a collection in a format. */
    public record Part(int index, String collection, String format) {
    }

    /** The parts in the order they are written: each collection in each format. */
    public List<Part> parts() {
        List<Part> parts = new java.util.ArrayList<>();
        for (String collection : collections) {
            for (String format : formats) {
                parts.add(new Part(parts.size(), collection, format));
            }
        }
        return List.copyOf(parts);
    }

    /**
     * Where a running export goes on after a restart: from the first part not done, after the last record of that
     * part's last complete file, numbering files on from the last; empty when its set changed meanwhile (the files
     * written would no longer belong with the rest: it fails).
     *
     * @param files              the export's complete files
     * @param currentFingerprint the set's fingerprint now
     */
    public Optional<ResumePoint> resumePoint(List<ExportFile> files, String currentFingerprint) {
        if (!fingerprint.equals(currentFingerprint)) {
            return Optional.empty();
        }
        Optional<String> after = files.stream().filter(f -> f.part() == partsDone)
                .max(java.util.Comparator.comparingInt(ExportFile::number)).map(ExportFile::lastRecordId);
        int nextFile = files.stream().mapToInt(ExportFile::number).max().orElse(0) + 1;
        return Optional.of(new ResumePoint(partsDone, after, nextFile));
    }

    /**
     * @param part     the first part not done
     * @param after    the last record of that part already in a complete file, if any
     * @param nextFile the number of the next file
     */
    public record ResumePoint(int part, Optional<String> after, int nextFile) {
    }
}
