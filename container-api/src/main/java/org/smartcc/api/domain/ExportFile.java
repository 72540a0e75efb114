package org.smartcc.api.domain;

/**
 * One complete file of an export: its number (from 1, in the order written), the part it belongs to, and what it
 * holds, up to and including the record {@code lastRecordId}.
 */
public record ExportFile(String exportId, int number, int part, String collection, String format, String fileName,
                         long records, long statements, long bytes, String lastRecordId) {
}
