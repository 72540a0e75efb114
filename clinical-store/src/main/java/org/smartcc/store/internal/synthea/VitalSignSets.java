package org.smartcc.store.internal.synthea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.rdf.model.Resource;
import org.smartcc.store.Vocab;

/**
 * Vital-sign observations taken at one encounter and time become one sp:VitalSignSet, each known LOINC code filling
 * its slot (sp:weight, sp:bloodPressure/sp:systolic, ...). Codes without a SMART slot (pain score, BMI percentile,
 * weight-for-length) are left out.
 */
final class VitalSignSets {

    /**
     * A slot of sp:VitalSignSet. {@code loinc} and {@code title} are SMART's enumerated spcode:VitalSign code, which
     * can differ from the code Synthea writes (body weight is 3141-9 in SMART, 29463-7 in Synthea); the source code
     * is then kept as the CodedValue's sp:provenance. The unit is SMART's fixed unit for the slot; Synthea writes the
     * same UCUM unit, sometimes without the annotation ({@code /min} for {@code {beats}/min}).
     */
    private record Slot(String property, boolean bloodPressure, String loinc, String title, String syntheaUnit,
                        String smartUnit) {
    }

    private static final Map<String, Slot> SLOTS = Map.ofEntries(
            Map.entry("8302-2", new Slot("height", false, "8302-2", "Body height", "cm", "cm")),
            Map.entry("29463-7", new Slot("weight", false, "3141-9", "Body weight", "kg", "kg")),
            Map.entry("39156-5", new Slot("bodyMassIndex", false, "39156-5", "Body mass index", "kg/m2", "kg/m2")),
            Map.entry("8480-6", new Slot("systolic", true, "8480-6", "Intravascular systolic", "mm[Hg]", "mm[Hg]")),
            Map.entry("8462-4", new Slot("diastolic", true, "8462-4", "Intravascular diastolic", "mm[Hg]", "mm[Hg]")),
            Map.entry("8867-4", new Slot("heartRate", false, "8867-4", "Heart rate", "/min", "{beats}/min")),
            Map.entry("9279-1", new Slot("respiratoryRate", false, "9279-1", "Respiration rate", "/min",
                    "{breaths}/min")),
            Map.entry("8310-5", new Slot("temperature", false, "8310-5", "Body temperature", "Cel", "Cel")),
            Map.entry("2708-6", new Slot("oxygenSaturation", false, "2710-2", "Oxygen saturation", "%",
                    "%{HemoglobinSaturation}")),
            Map.entry("59408-5", new Slot("oxygenSaturation", false, "2710-2", "Oxygen saturation", "%",
                    "%{HemoglobinSaturation}")),
            Map.entry("9843-4", new Slot("headCircumference", false, "8287-5", "Head circumference", "cm", "cm")));

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
            Resource set = graph.statement("VitalSignSet");
            set.addProperty(Vocab.DATE, rows.get(0).requiredDate("DATE"));
            set.addProperty(Vocab.spProperty("encounter"), encounterOf.apply(rows.get(0)));
            Map<String, CsvRow> filled = new LinkedHashMap<>();
            Resource bloodPressure = null;
            for (CsvRow row : rows) {
                Slot slot = SLOTS.get(row.required("CODE"));
                CsvRow earlier = filled.putIfAbsent(slot.property(), row);
                if (earlier != null) {
                    // Oxygen saturation may come under both of its LOINC codes: one reading, written twice.
                    if (earlier.number("VALUE").equals(row.number("VALUE"))) {
                        continue;
                    }
                    throw row.problem("SYNTHEA_DUPLICATE_VITAL", "a second " + slot.property() + " at the same "
                            + "encounter and DATE as " + earlier.where() + " (a vital sign set has one of each)");
                }
                Resource vital = vitalSign(graph, row, slot);
                if (slot.bloodPressure()) {
                    if (bloodPressure == null) {
                        bloodPressure = graph.node(Vocab.sp("BloodPressure"));
                        set.addProperty(Vocab.spProperty("bloodPressure"), bloodPressure);
                    }
                    bloodPressure.addProperty(Vocab.spProperty(slot.property()), vital);
                } else {
                    set.addProperty(Vocab.spProperty(slot.property()), vital);
                }
            }
        }
    }

    private static Resource vitalSign(SmartGraph graph, CsvRow row, Slot slot) {
        String unit = row.required("UNITS");
        if (!unit.equals(slot.syntheaUnit()) && !unit.equals(slot.smartUnit())) {
            throw row.problem("SYNTHEA_UNIT", "UNITS '" + unit + "' of " + slot.property() + " is not "
                    + slot.syntheaUnit() + " (the loader does not convert units)");
        }
        String code = row.required("CODE");
        Resource name = graph.codedValue(SmartGraph.LOINC, slot.loinc(), slot.title(), "VitalSign");
        if (!code.equals(slot.loinc())) {
            name.addProperty(Vocab.spProperty("provenance"), graph.node(Vocab.sp("CodeProvenance"))
                    .addProperty(Vocab.spProperty("sourceCode"), graph.model().createResource(SmartGraph.LOINC + code))
                    .addProperty(Vocab.TITLE, row.required("DESCRIPTION"))
                    .addProperty(Vocab.spProperty("translationFidelity"),
                            graph.model().createResource(Vocab.SPCODE + "TranslationFidelity#automated")));
        }
        return graph.valueAndUnit(Vocab.sp("VitalSign"), row.number("VALUE"), slot.smartUnit())
                .addProperty(Vocab.spProperty("vitalName"), name);
    }
}
