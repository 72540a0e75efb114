package org.smartcc.store.domain;

import java.time.LocalDate;

/** What {@code patient_dimension} keeps of a record's demographics; every field may be null. */
public record Demographics(String sexCode, LocalDate birthDate, LocalDate deathDate, String zipCode, String languageCode, String raceCode) {

    public static Demographics unknown() {
        return new Demographics(null, null, null, null, null, null);
    }
}
