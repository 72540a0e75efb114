package org.smartcc.records.application;

import java.util.Optional;

/** The files behind document statements ({@code sp:fileName}), kept per record outside the database. */
public interface DocumentFiles {

    /** Size and SHA-256 of a record's file, if there is one. */
    Optional<DocumentFile> find(String recordId, String fileName);

    /** The file's bytes; only called after {@link #find} found it. */
    byte[] read(String recordId, String fileName);

    /** For containers without document files: documents are served with their stored metadata only. */
    static DocumentFiles none() {
        return new DocumentFiles() {
            @Override
            public Optional<DocumentFile> find(String recordId, String fileName) {
                return Optional.empty();
            }

            @Override
            public byte[] read(String recordId, String fileName) {
                throw new IllegalStateException("no document files configured");
            }
        };
    }

    /** @param sha256 lower-case hex */
    record DocumentFile(long size, String sha256) {
    }
}
