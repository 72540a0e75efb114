package org.smartcc.records.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Read (and, for posted notes, add) the statements of records; implemented over the i2b2 store. */
public interface StatementRepository {

    /** The store's key of a record ({@code patient_num}), empty if the record is unknown. */
    OptionalInt patientNum(String recordId);

    /** Every statement of the given types of one patient, in no particular order. */
    List<StoredStatement> statements(int patientNum, Collection<String> types);

    /** One statement by type and id. */
    Optional<StoredStatement> statement(int patientNum, String type, String id);

    /**
     * Adds one statement to a stored record without touching its other facts.
     *
     * @param date the statement's date (ISO-8601 literal) or null; it places the fact on a day visit (data model)
     */
    void add(String recordId, int patientNum, StoredStatement statement, String date);

    /**
     * A stamp that changes whenever the record's statements change (reloaded, or a statement added); empty when the
     * record is unknown or its changes are not tracked (records written straight into the star schema).
     */
    Optional<String> recordVersion(String recordId);

    /** The statements of one type across all records, each with its record id (record search). */
    List<RecordStatement> statementsOfAllRecords(String type);

    /** A statement with the id of the record it belongs to. */
    record RecordStatement(String recordId, StoredStatement statement) {
    }
}
