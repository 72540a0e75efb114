package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.to_date;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smartcc.engine.query.DemographicTerms;
import org.smartcc.engine.query.PatientColumn;
import org.smartcc.engine.query.PatientColumnTerm;

/**
 * Demographic terms as conditions on {@code patient_dimension} rows: Column expressions over a fixed column (an enum)
 * and literal values, never text parsed by Spark.
 */
public final class PatientConditions {

    private PatientConditions() {
    }

    /** The terms of a snapshot: one race term per distinct {@code race_cd} (a small job: the codes come back). */
    public static DemographicTerms termsOf(Dataset<Row> patientDimension) {
        List<String> races = patientDimension.select(PatientColumn.RACE_CD.columnName()).distinct()
                .collectAsList().stream().filter(r -> !r.isNullAt(0)).map(r -> r.getString(0)).toList();
        return DemographicTerms.of(races);
    }

    /** The rows that satisfy any of the terms (a folder's union); false for none. */
    public static Column anyOf(List<PatientColumnTerm> terms, LocalDate ageAsOf) {
        Column any = lit(false);
        for (PatientColumnTerm term : terms) {
            any = any.or(of(term, ageAsOf));
        }
        return any;
    }

    /** The rows that satisfy the term; a null column (no birth date, no code) satisfies none. */
    public static Column of(PatientColumnTerm term, LocalDate ageAsOf) {
        Column column = col(term.column().columnName());
        return switch (term.operator()) {
            case EQ -> column.equalTo(lit(term.values().get(0)));
            case IN -> column.isin(term.values().toArray());
            case BETWEEN -> ageInYears(lit(ageAsOf), column).between(term.ages().get(0), term.ages().get(1));
            case GE -> ageInYears(lit(ageAsOf), column).geq(term.ages().get(0));
        };
    }

    /**
     * Age in whole years on {@code day}, from {@code birthDate}, by calendar months: one turns 18 on the 18th birthday,
     * and someone born on 29 February turns a year older on 28 February. Null without a birth date.
     */
    static Column ageInYears(Column day, Column birthDate) {
        return floor(months_between(to_date(day), to_date(birthDate)).divide(12));
    }
}
