package org.smartcc.store.internal.synthea;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Synthea CSV files the loader reads, each with the column that names the patient and the columns the mapping
 * needs (a file without one of them is rejected as a whole). Other files of an export (claims, payers, ...) are
 * not read; docs/synthea-mapping.md says why.
 */
enum SyntheaFile {
    PATIENTS("patients.csv", "Id", "BIRTHDATE", "DEATHDATE", "PREFIX", "FIRST", "LAST", "SUFFIX", "RACE", "ETHNICITY",
            "GENDER", "ADDRESS", "CITY", "STATE", "ZIP"),
    ENCOUNTERS("encounters.csv", "PATIENT", "Id", "START", "STOP", "ENCOUNTERCLASS"),
    CONDITIONS("conditions.csv", "PATIENT", "START", "STOP", "ENCOUNTER", "CODE", "DESCRIPTION"),
    MEDICATIONS("medications.csv", "PATIENT", "START", "STOP", "ENCOUNTER", "CODE", "DESCRIPTION"),
    OBSERVATIONS("observations.csv", "PATIENT", "DATE", "ENCOUNTER", "CATEGORY", "CODE", "DESCRIPTION", "VALUE",
            "UNITS", "TYPE"),
    IMMUNIZATIONS("immunizations.csv", "PATIENT", "DATE", "ENCOUNTER", "CODE", "DESCRIPTION"),
    PROCEDURES("procedures.csv", "PATIENT", "START", "ENCOUNTER", "CODE", "DESCRIPTION"),
    ALLERGIES("allergies.csv", "PATIENT", "START", "STOP", "ENCOUNTER", "CODE", "SYSTEM", "DESCRIPTION", "TYPE",
            "CATEGORY", "REACTION1", "DESCRIPTION1", "SEVERITY1", "REACTION2", "DESCRIPTION2", "SEVERITY2");

    private final String fileName;
    private final String patientColumn;
    private final List<String> otherColumns;

    SyntheaFile(String fileName, String patientColumn, String... otherColumns) {
        this.fileName = fileName;
        this.patientColumn = patientColumn;
        this.otherColumns = List.of(otherColumns);
    }

    public String fileName() {
        return fileName;
    }

    /** {@code Id} in patients.csv, {@code PATIENT} in the others. */
    public String patientColumn() {
        return patientColumn;
    }

    List<String> requiredColumns() {
        return Stream.concat(Stream.of(patientColumn), otherColumns.stream()).toList();
    }
}
