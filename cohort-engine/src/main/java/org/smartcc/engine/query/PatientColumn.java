package org.smartcc.engine.query;

/**
 * The {@code patient_dimension} columns a demographic term may name (i2b2's {@code c_columnname} where
 * {@code c_tablename} is {@code patient_dimension}). A closed set: a term can only ever read one of these columns.
 */
public enum PatientColumn {
    SEX_CD("sex_cd"),
    /** Terms on the birth date select by age in whole years as of a date, not by the date itself. */
    BIRTH_DATE("birth_date"),
    VITAL_STATUS_CD("vital_status_cd"),
    RACE_CD("race_cd");

    private final String columnName;

    PatientColumn(String columnName) {
        this.columnName = columnName;
    }

    /** The column's name in the star schema (and its Parquet snapshot). */
    public String columnName() {
        return columnName;
    }

    /** Whether the column holds codes (compared as text), as opposed to the birth date (compared as an age). */
    public boolean holdsCodes() {
        return this != BIRTH_DATE;
    }
}
