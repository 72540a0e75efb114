package org.smartcc.store.internal.i2b2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.apache.jena.rdf.model.Resource;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.internal.graph.SmartGraph;
import org.smartcc.store.internal.graph.VitalSignSetStatement;
import org.smartcc.store.internal.graph.VitalSignSlot;

/**
 * The vital-sign facts of a patient (the LOINC codes of SMART's vital sign slots) taken at one encounter and time
 * become one sp:VitalSignSet. Values are converted into SMART's unit for the slot; a unit not listed here is refused.
 */
final class I2b2VitalSigns {

    /** Converted values are rounded to 5 decimals, as the SMART sample patients made from these facts are. */
    static final int SCALE = 5;

    private static final BigDecimal INCH_CM = new BigDecimal("2.54");
    private static final BigDecimal POUND_KG = new BigDecimal("0.45359237");
    private static final UnaryOperator<BigDecimal> SAME = v -> v;

    /** An i2b2 vital-sign code: its slot and how each unit it may come in converts into the slot's unit. */
    private record Code(VitalSignSlot slot, Map<String, UnaryOperator<BigDecimal>> units) {
    }

    private static final Map<String, Code> CODES = Map.of(
            "8302-2", new Code(VitalSignSlot.HEIGHT, Map.of("inch", v -> v.multiply(INCH_CM), "cm", SAME)),
            "3141-9", new Code(VitalSignSlot.WEIGHT, Map.of("lb", v -> v.multiply(POUND_KG), "kg", SAME)),
            "39156-5", new Code(VitalSignSlot.BODY_MASS_INDEX, Map.of("kg/m2", SAME)),
            "8480-6", new Code(VitalSignSlot.SYSTOLIC, Map.of("mm Hg", SAME, "mm[Hg]", SAME)),
            "8462-4", new Code(VitalSignSlot.DIASTOLIC, Map.of("mm Hg", SAME, "mm[Hg]", SAME)),
            "8867-4", new Code(VitalSignSlot.HEART_RATE, Map.of("beats/minute", SAME, "{beats}/min", SAME)),
            "9279-1", new Code(VitalSignSlot.RESPIRATORY_RATE, Map.of("breaths/minute", SAME, "{breaths}/min", SAME)),
            "8310-5", new Code(VitalSignSlot.TEMPERATURE, Map.of("F", I2b2VitalSigns::celsius, "Cel", SAME)),
            "2710-2", new Code(VitalSignSlot.OXYGEN_SATURATION, Map.of("%", SAME, "%{HemoglobinSaturation}", SAME)));

    private I2b2VitalSigns() {
    }

    /** Whether a fact is a vital sign (and so not a lab result). */
    static boolean isVitalSign(WarehousePatient.Fact fact) {
        return fact.conceptCd().startsWith("LOINC:") && CODES.containsKey(fact.code());
    }

    /**
     * Adds a set per (start date, encounter) of the vital-sign facts; {@code encounterOf} gives the Encounter
     * statement of an encounter_num, or null when the warehouse has no such visit of the patient.
     */
    static void add(SmartGraph graph, List<WarehousePatient.Fact> facts, IntFunction<Resource> encounterOf) {
        Map<String, List<WarehousePatient.Fact>> sets = new TreeMap<>();
        for (WarehousePatient.Fact f : facts) {
            if (isVitalSign(f)) {
                sets.computeIfAbsent(f.startDate() + " " + f.encounterNum(), k -> new ArrayList<>()).add(f);
            }
        }
        for (List<WarehousePatient.Fact> group : sets.values()) {
            group.sort(Comparator.comparing(WarehousePatient.Fact::conceptCd));
            WarehousePatient.Fact first = group.get(0);
            VitalSignSetStatement set = new VitalSignSetStatement(graph, I2b2PatientGraph.date(first.startDate()),
                    encounterOf.apply(first.encounterNum()));
            for (WarehousePatient.Fact f : group) {
                Code code = CODES.get(f.code());
                String value = value(f, code);
                String earlier = set.valueIn(code.slot());
                if (earlier == null) {
                    set.fill(code.slot(), value);
                } else if (!earlier.equals(value)) {
                    throw problem(f, "I2B2_DUPLICATE_VITAL", "a second " + code.slot().property() + " (" + value
                            + ", first " + earlier + ") at the same encounter and time: a vital sign set has one of each");
                }
            }
        }
    }

    /** The value in SMART's unit of the slot, as a plain decimal. */
    private static String value(WarehousePatient.Fact f, Code code) {
        if (!"N".equals(f.valtypeCd()) || f.nvalNum() == null || !(f.tvalChar() == null || "E".equals(f.tvalChar()))) {
            throw problem(f, "I2B2_VALUE", "a vital sign needs a number equal to its value (valtype_cd N, tval_char E)"
                    + ", not valtype_cd '" + f.valtypeCd() + "', tval_char '" + f.tvalChar() + "'");
        }
        UnaryOperator<BigDecimal> conversion = code.units().get(f.unitsCd());
        if (conversion == null) {
            throw problem(f, "I2B2_UNIT", "units_cd '" + f.unitsCd() + "' of " + code.slot().property()
                    + " is none of " + new java.util.TreeSet<>(code.units().keySet())
                    + " (the loader converts only these into " + code.slot().unit() + ")");
        }
        BigDecimal converted = conversion.apply(f.nvalNum());
        return plain(conversion == SAME ? converted : converted.setScale(SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal celsius(BigDecimal fahrenheit) {
        return fahrenheit.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(9), SCALE + 2, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    static InvalidRecordException problem(WarehousePatient.Fact f, String code, String message) {
        return new InvalidRecordException(code, "observation_fact " + f.conceptCd() + " at encounter "
                + f.encounterNum() + " on " + I2b2PatientGraph.date(f.startDate()) + ": " + message);
    }
}
