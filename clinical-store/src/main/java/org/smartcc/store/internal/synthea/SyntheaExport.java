package org.smartcc.store.internal.synthea;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.smartcc.store.domain.InvalidRecordException;

/**
 * The rows of a Synthea CSV export folder, grouped by patient. Problems that concern a whole file (missing, not CSV,
 * lacking a column) fail the read; rows that name no patient of patients.csv are kept aside as unattributed.
 */
public final class SyntheaExport {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Map<String, SyntheaPatient> patients;
    private final List<CsvRow> unattributed;

    private SyntheaExport(Map<String, SyntheaPatient> patients, List<CsvRow> unattributed) {
        this.patients = patients;
        this.unattributed = unattributed;
    }

    /**
     * Reads the files of {@link SyntheaFile}.
     *
     * @throws InvalidRecordException {@code SYNTHEA_FILE} when a file is missing, is not CSV or lacks a column
     */
    public static SyntheaExport read(Path folder) throws IOException {
        Map<SyntheaFile, List<CsvRow>> rowsByFile = new EnumMap<>(SyntheaFile.class);
        for (SyntheaFile file : SyntheaFile.values()) {
            rowsByFile.put(file, readFile(folder, file));
        }
        Map<String, Map<SyntheaFile, List<CsvRow>>> grouped = new LinkedHashMap<>();
        for (CsvRow row : rowsByFile.get(SyntheaFile.PATIENTS)) {
            String id = row.text(SyntheaFile.PATIENTS.patientColumn());
            if (id != null) {
                grouped.computeIfAbsent(id, k -> new EnumMap<>(SyntheaFile.class));
            }
        }
        List<CsvRow> unattributed = new ArrayList<>();
        rowsByFile.forEach((file, rows) -> {
            for (CsvRow row : rows) {
                Map<SyntheaFile, List<CsvRow>> patientRows = grouped.get(row.text(file.patientColumn()));
                if (patientRows == null) {
                    unattributed.add(row);
                } else {
                    patientRows.computeIfAbsent(file, k -> new ArrayList<>()).add(row);
                }
            }
        });
        Map<String, SyntheaPatient> patients = new LinkedHashMap<>();
        grouped.forEach((id, rows) -> patients.put(id, new SyntheaPatient(id, rows)));
        return new SyntheaExport(patients, unattributed);
    }

    /** The patients of patients.csv, in file order. */
    public List<SyntheaPatient> patients() {
        return List.copyOf(patients.values());
    }

    /** Rows whose patient column is empty or names no patient of patients.csv. */
    public List<CsvRow> unattributedRows() {
        return List.copyOf(unattributed);
    }

    /** Why an unattributed row cannot be loaded. */
    public static InvalidRecordException unattributedProblem(CsvRow row) {
        String column = row.file().patientColumn();
        String patient = row.text(column);
        return patient == null
                ? row.problem("SYNTHEA_MISSING_VALUE", column + " is empty, so the row belongs to no patient")
                : row.problem("SYNTHEA_UNKNOWN_PATIENT", column + " '" + patient + "' is not a patient of "
                        + SyntheaFile.PATIENTS.fileName());
    }

    private static List<CsvRow> readFile(Path folder, SyntheaFile file) throws IOException {
        Path path = folder.resolve(file.fileName());
        if (!Files.isRegularFile(path)) {
            throw new InvalidRecordException("SYNTHEA_FILE", file.fileName() + ": missing in " + folder);
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (String column : file.requiredColumns()) {
                if (!header.contains(column)) {
                    throw new InvalidRecordException("SYNTHEA_FILE", file.fileName() + " line 1: the header has no column "
                            + column);
                }
            }
            List<CsvRow> rows = new ArrayList<>();
            // The parser counts lines as it goes; a row starts on the line after the previous row ended (a quoted
            // value may span lines, so the row number alone would not give the line).
            long previousEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                rows.add(new CsvRow(file, previousEnd + 1, record.toMap(), record.size() == header.size()));
                previousEnd = parser.getCurrentLineNumber();
            }
            return rows;
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidRecordException("SYNTHEA_FILE", file.fileName() + ": not readable as CSV: "
                    + e.getMessage(), e);
        }
    }
}
