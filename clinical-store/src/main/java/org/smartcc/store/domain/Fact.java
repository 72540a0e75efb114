package org.smartcc.store.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of {@code observation_fact} for a patient, before surrogate keys are assigned.
 *
 * @param visitKey     key of the visit within the record ({@link Visit#key()}), or null for none
 * @param instanceNum  groups the facts of one statement (i2b2 {@code instance_num})
 * @param valueType    i2b2 {@code valtype_cd}: N number, T text, B blob, @ none
 * @param textValue    {@code tval_char}: the text, or the operator {@code E} for numbers, or a statement id for blobs
 * @param blob         {@code observation_blob}: the statement's RDF as N-Triples
 */
public record Fact(
        String conceptCode,
        String modifierCode,
        int instanceNum,
        String visitKey,
        LocalDateTime startDate,
        LocalDateTime endDate,
        String valueType,
        String textValue,
        BigDecimal numberValue,
        String valueFlag,
        String units,
        String blob) {

    public static final String NO_MODIFIER = "@";
    public static final String NO_PROVIDER = "@";

    public static Fact coded(String conceptCode, int instanceNum, String visitKey, LocalDateTime start, LocalDateTime end) {
        return new Fact(conceptCode, NO_MODIFIER, instanceNum, visitKey, start, end, "@", null, null, null, null, null);
    }

    public Fact withNumber(BigDecimal value, String unitCode, String flag) {
        return new Fact(conceptCode, modifierCode, instanceNum, visitKey, startDate, endDate, "N", "E", value, flag, unitCode, blob);
    }

    public Fact withText(String text, String flag) {
        return new Fact(conceptCode, modifierCode, instanceNum, visitKey, startDate, endDate, "T", text, null, flag, units, blob);
    }
}
