package org.smartcc.engine;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One Parquet copy of the star schema: {@code location/<table>/} holds each table, facts sorted by
 * {@code concept_cd}, then {@code patient_num}.
 */
public record Snapshot(String id, Instant createdAt, Path location, long patientCount, long factCount) {

    public Path table(String name) {
        return location.resolve(name);
    }
}
