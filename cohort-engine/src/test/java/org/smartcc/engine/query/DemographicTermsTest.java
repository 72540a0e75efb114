package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demographic terms and the checks every {@link PatientColumnTerm} makes, whoever builds it. */
class DemographicTermsTest {

    private static final DemographicTerms TERMS = DemographicTerms.of(Arrays.asList("white", null, " ", "a\\b",
            "black"));

    @Test
    void aFolderSelectsItsTermsAndOnlyWholeSegmentsMatch() {
        assertEquals(List.of("DEM|SEX:F", "DEM|SEX:M", "DEM|SEX:U"), codes("\\SMART\\Demographics\\Gender\\"));
        assertEquals(List.of("DEM|AGE:10-17"), codes("\\SMART\\Demographics\\Age\\10-17 years old\\"));
        assertEquals(List.of("DEM|AGE:10-17"), codes("\\SMART\\Demographics\\Age\\10-17 years old"));
        assertEquals(List.of(), codes("\\SMART\\Demographics\\Age\\1"));
        assertEquals(9, codes("\\SMART\\Demographics\\Age\\").size());
        assertEquals(List.of("DEM|VITAL:N", "DEM|VITAL:Y"), codes("\\SMART\\Demographics\\Vital status\\"));
        assertEquals(3 + 9 + 2 + 2, codes(DemographicTerms.ROOT).size());
    }

    @Test
    void raceCodesThatCannotBePathSegmentsGetNoTerm() {
        assertEquals(List.of("DEM|RACE:black", "DEM|RACE:white"), codes("\\SMART\\Demographics\\Race\\"));
        PatientColumnTerm white = TERMS.at("\\SMART\\Demographics\\Race\\white\\").get(0);
        assertEquals(new PatientColumnTerm("\\SMART\\Demographics\\Race\\white\\", "white", "DEM|RACE:white",
                PatientColumn.RACE_CD, PatientColumnTerm.Operator.EQ, List.of("white")), white);
    }

    @Test
    void theAgeGroupsAreTypedAges() {
        PatientColumnTerm oldest = TERMS.at("\\SMART\\Demographics\\Age\\>= 85 years old\\").get(0);
        assertEquals(PatientColumnTerm.Operator.GE, oldest.operator());
        assertEquals(List.of(85), oldest.ages());
        assertEquals(List.of(18, 34), TERMS.at("\\SMART\\Demographics\\Age\\18-34 years old\\").get(0).ages());
        assertThrows(IllegalStateException.class, () -> TERMS.at("\\SMART\\Demographics\\Gender\\Male\\").get(0)
                .ages());
    }

    @Test
    void aTermRefusesWhatItsColumnAndOperatorCannotMean() {
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.SEX_CD, PatientColumnTerm.Operator.GE,
                "1"));
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.BIRTH_DATE,
                PatientColumnTerm.Operator.EQ, "1"));
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.BIRTH_DATE,
                PatientColumnTerm.Operator.BETWEEN, "20", "10"));
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.BIRTH_DATE,
                PatientColumnTerm.Operator.GE, "151"));
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.BIRTH_DATE,
                PatientColumnTerm.Operator.GE, "sysdate - 365"));
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.SEX_CD, PatientColumnTerm.Operator.EQ,
                "F", "M"));
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.SEX_CD, PatientColumnTerm.Operator.IN));
        assertThrows(IllegalArgumentException.class, () -> term(PatientColumn.SEX_CD, PatientColumnTerm.Operator.IN,
                "F", " "));
        assertThrows(IllegalArgumentException.class, () -> new PatientColumnTerm("SMART\\x\\", "x", "X",
                PatientColumn.SEX_CD, PatientColumnTerm.Operator.EQ, List.of("F")));
        assertEquals(List.of("F", "U"), term(PatientColumn.SEX_CD, PatientColumnTerm.Operator.IN, "F", "U").values());
    }

    private static PatientColumnTerm term(PatientColumn column, PatientColumnTerm.Operator operator, String... values) {
        return new PatientColumnTerm("\\T\\x\\", "x", "X", column, operator, List.of(values));
    }

    private static List<String> codes(String path) {
        return TERMS.at(path).stream().map(PatientColumnTerm::code).toList();
    }
}
