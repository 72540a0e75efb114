package org.smartcc.store.internal.synthea;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.rdf.model.Resource;
import org.smartcc.store.Vocab;
import org.smartcc.store.internal.graph.SmartGraph;
import org.smartcc.store.internal.graph.VitalSignSetStatement;
import org.smartcc.store.internal.graph.VitalSignSlot;

/**
 * Vital-sign observations taken at one encounter and time become one sp:VitalSignSet, each known LOINC code filling
 * its slot (sp:weight, sp:bloodPressure/sp:systolic, ...). Codes without a SMART slot (pain score, BMI percentile,
 * weight-for-length) are left out.
 */
final class VitalSignSets {

    /**
     * A Synthea vital-sign code and the SMART slot it fills. SMART's code can differ from the one Synthea writes (body
     * weight is 3141-9 in SMART, 29463-7 in Synthea); the source code is then kept as the CodedValue's sp:provenance.
     * Synthea writes SMART's UCUM unit, sometimes without the annotation ({@code /min} for {@code {beats}/min}).
     */
    private record Slot(VitalSignSlot slot, String syntheaUnit) {
    }

    private static final Map<String, Slot> SLOTS = Map.ofEntries(
            Map.entry("8302-2", new Slot(VitalSignSlot.HEIGHT, "cm")),
            Map.entry("29463-7", new Slot(VitalSignSlot.WEIGHT, "kg")),
            Map.entry("39156-5", new Slot(VitalSignSlot.BODY_MASS_INDEX, "kg/m2")),
            Map.entry("8480-6", new Slot(VitalSignSlot.SYSTOLIC, "mm[Hg]")),
            Map.entry("8462-4", new Slot(VitalSignSlot.DIASTOLIC, "mm[Hg]")),
            Map.entry("8867-4", new Slot(VitalSignSlot.HEART_RATE, "/min")),
            Map.entry("9279-1", new Slot(VitalSignSlot.RESPIRATORY_RATE, "/min")),
            Map.entry("8310-5", new Slot(VitalSignSlot.TEMPERATURE, "Cel")),
            Map.entry("2708-6", new Slot(VitalSignSlot.OXYGEN_SATURATION, "%")),
            Map.entry("59408-5", new Slot(VitalSignSlot.OXYGEN_SATURATION, "%")),
            Map.entry("9843-4", new Slot(VitalSignSlot.HEAD_CIRCUMFERENCE, "cm")));

    private VitalSignSets() {
    }

    static void add(SmartGraph graph, List<CsvRow> observations, Function<CsvRow, Resource> encounterOf) {
        // Keyed by encounter and date; sorted so that the statements come out in the same order on every load.
        Map<String, List<CsvRow>> sets = new TreeMap<>();
        for (CsvRow row : observations) {
            if ("vital-signs".equals(row.text("CATEGORY")) && SLOTS.containsKey(row.required("CODE"))) {
                sets.computeIfAbsent(row.required("ENCOUNTER") + ' ' + row.requiredDate("DATE"),
                        k -> new ArrayList<>()).add(row);
            }
        }
        for (List<CsvRow> rows : sets.values()) {
            VitalSignSetStatement set = new VitalSignSetStatement(graph, rows.get(0).requiredDate("DATE"),
                    encounterOf.apply(rows.get(0)));
            Map<VitalSignSlot, CsvRow> filledBy = new EnumMap<>(VitalSignSlot.class);
            for (CsvRow row : rows) {
                Slot slot = SLOTS.get(row.required("CODE"));
                String value = row.number("VALUE");
                CsvRow earlier = filledBy.putIfAbsent(slot.slot(), row);
                if (earlier != null) {
                    // Oxygen saturation may come under both of its LOINC codes: one reading, written twice.
                    if (set.valueIn(slot.slot()).equals(value)) {
                        continue;
                    }
                    throw row.problem("SYNTHEA_DUPLICATE_VITAL", "a second " + slot.slot().property() + " at the "
                            + "same encounter and DATE as " + earlier.where() + " (a vital sign set has one of each)");
                }
                vitalSign(graph, set, row, slot);
            }
        }
    }

    private static void vitalSign(SmartGraph graph, VitalSignSetStatement set, CsvRow row, Slot slot) {
        String unit = row.required("UNITS");
        if (!unit.equals(slot.syntheaUnit()) && !unit.equals(slot.slot().unit())) {
            throw row.problem("SYNTHEA_UNIT", "UNITS '" + unit + "' of " + slot.slot().property() + " is not "
                    + slot.syntheaUnit() + " (the loader does not convert units)");
        }
        String code = row.required("CODE");
        Resource name = set.fill(slot.slot(), row.number("VALUE"));
        if (!code.equals(slot.slot().loinc())) {
            name.addProperty(Vocab.spProperty("provenance"), graph.node(Vocab.sp("CodeProvenance"))
                    .addProperty(Vocab.spProperty("sourceCode"), graph.model().createResource(SmartGraph.LOINC + code))
                    .addProperty(Vocab.TITLE, row.required("DESCRIPTION"))
                    .addProperty(Vocab.spProperty("translationFidelity"),
                            graph.model().createResource(Vocab.SPCODE + "TranslationFidelity#automated")));
        }
    }
}
