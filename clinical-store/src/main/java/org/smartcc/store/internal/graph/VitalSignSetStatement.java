package org.smartcc.store.internal.graph;

import java.util.EnumMap;
import java.util.Map;
import org.apache.jena.rdf.model.Resource;
import org.smartcc.store.Vocab;

/**
 * One sp:VitalSignSet being filled: a date, its encounter, and at most one vital sign per slot; systolic and diastolic
 * go into one sp:BloodPressure. A set with only one of the two gives a BloodPressure with that one.
 */
public final class VitalSignSetStatement {

    private final SmartGraph graph;
    private final Resource set;
    private final Map<VitalSignSlot, String> filled = new EnumMap<>(VitalSignSlot.class);
    private Resource bloodPressure;

    public VitalSignSetStatement(SmartGraph graph, String date, Resource encounter) {
        this.graph = graph;
        this.set = graph.statement("VitalSignSet").addProperty(Vocab.DATE, date);
        if (encounter != null) {
            set.addProperty(Vocab.spProperty("encounter"), encounter);
        }
    }

    /** The value already in a slot, or null when it is empty. */
    public String valueIn(VitalSignSlot slot) {
        return filled.get(slot);
    }

    /**
     * Fills an empty slot with a value in SMART's unit; returns the vital sign's name (a CodedValue) so that the
     * caller can note where the code came from.
     */
    public Resource fill(VitalSignSlot slot, String value) {
        if (filled.putIfAbsent(slot, value) != null) {
            throw new IllegalStateException(slot + " is already filled");
        }
        Resource name = graph.codedValue(SmartGraph.LOINC, slot.loinc(), slot.title(), "VitalSign");
        Resource vital = graph.valueAndUnit(Vocab.sp("VitalSign"), value, slot.unit())
                .addProperty(Vocab.spProperty("vitalName"), name);
        if (slot.bloodPressure()) {
            if (bloodPressure == null) {
                bloodPressure = graph.node(Vocab.sp("BloodPressure"));
                set.addProperty(Vocab.spProperty("bloodPressure"), bloodPressure);
            }
            bloodPressure.addProperty(Vocab.spProperty(slot.property()), vital);
        } else {
            set.addProperty(Vocab.spProperty(slot.property()), vital);
        }
        return name;
    }
}
