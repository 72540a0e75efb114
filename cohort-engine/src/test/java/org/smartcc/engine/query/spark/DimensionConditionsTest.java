package org.smartcc.engine.query.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.query.QueryDefinitionException;

/** The fixed grammar that reads i2b2's {@code c_operator} and {@code c_dimcode} SQL fragments. */
class DimensionConditionsTest {

    private static final String AGE_PLUS = "(select (birth_date+ interval '%s') from PUBLIC.PATIENT_DIMENSION"
            + " where PUBLIC.PATIENT_DIMENSION.patient_num = e.PATIENT_NUM)";

    /** Visits 1 to 3: inpatient for 12 days at age 10, outpatient at age 30, inpatient the day after birth. */
    private static Dataset<Row> visits() {
        StructType schema = new StructType().add("encounter_num", DataTypes.IntegerType)
                .add("inout_cd", DataTypes.StringType).add("length_of_stay", DataTypes.IntegerType)
                .add("start_date", DataTypes.TimestampType).add("birth_date", DataTypes.TimestampType);
        Timestamp born = Timestamp.valueOf("1980-01-01 00:00:00");
        return SharedSpark.engine().spark().createDataFrame(List.of(
                RowFactory.create(1, "I", 12, Timestamp.valueOf("1990-03-01 00:00:00"), born),
                RowFactory.create(2, "O", 0, Timestamp.valueOf("2010-03-01 00:00:00"), born),
                RowFactory.create(3, "I", 1, Timestamp.valueOf("1980-01-02 00:00:00"), born)), schema);
    }

    private static List<Integer> encounters(String column, String operator, String dimcode, String type) {
        Dataset<Row> visits = visits();
        OntologyTerms.Term term = new OntologyTerms.Term("visit_dimension", column, operator, dimcode, type);
        return visits.filter(DimensionConditions.of(term, Set.of(visits.columns()), "panel[1]/item[1]"))
                .select("encounter_num").orderBy("encounter_num").collectAsList().stream().map(r -> r.getInt(0))
                .toList();
    }

    @Test
    void readsTheOperatorsOfI2b2sVisitDetails() {
        assertEquals(List.of(1, 3), encounters("inout_cd", "=", "I", "T"));
        assertEquals(List.of(1, 2, 3), encounters("inout_cd", "IN", "'I','O'", "T"));
        assertEquals(List.of(1), encounters("length_of_stay", ">", "10", "N"));
        assertEquals(List.of(2, 3), encounters("length_of_stay", "<=", "1", "N"));
    }

    @Test
    void readsAgeAtVisitAsTheBirthDatePlusDays() {
        String between = "(" + AGE_PLUS.formatted("3651.5 day") + ") AND (" + AGE_PLUS.formatted("6573.5 day") + ")";
        assertEquals(List.of(1), encounters("start_date", "BETWEEN", between, "N"));
        assertEquals(List.of(2), encounters("start_date", ">=", "(" + AGE_PLUS.formatted("6573.5 day") + ")", "N"));
        // without a unit PostgreSQL reads seconds, as i2b2's >= 65 row is written: a day after birth is older
        assertEquals(List.of(1, 2, 3), encounters("start_date", ">=", AGE_PLUS.formatted("23740.25"), "N"));
    }

    @Test
    void refusesWhatTheGrammarDoesNotRead() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class,
                () -> encounters("start_date", "<", "sysdate - (365.25*10)", "N"));
        assertEquals("panel[1]/item[1]/item_key", e.element());
        assertTrue(e.getMessage().contains("sysdate"), e.getMessage());
        assertThrows(QueryDefinitionException.class, () -> encounters("inout_cd", "=", "I'; drop table x", "T"));
        assertThrows(QueryDefinitionException.class, () -> encounters("location_cd", "=", "A", "T"));
        assertThrows(QueryDefinitionException.class, () -> encounters("inout_cd", "REGEXP", "I", "T"));
    }
}
