package org.smartcc.store.internal.graph;

/**
 * The slots of sp:VitalSignSet (spec §3.4) with SMART's enumerated spcode:VitalSign code and title and the one unit
 * SMART allows in each. Importers map their source codes onto these and convert or refuse other units.
 */
public enum VitalSignSlot {
    HEIGHT("height", "8302-2", "Body height", "cm"),
    WEIGHT("weight", "3141-9", "Body weight", "kg"),
    BODY_MASS_INDEX("bodyMassIndex", "39156-5", "Body mass index", "kg/m2"),
    SYSTOLIC("systolic", "8480-6", "Intravascular systolic", "mm[Hg]"),
    DIASTOLIC("diastolic", "8462-4", "Intravascular diastolic", "mm[Hg]"),
    HEART_RATE("heartRate", "8867-4", "Heart rate", "{beats}/min"),
    RESPIRATORY_RATE("respiratoryRate", "9279-1", "Respiration rate", "{breaths}/min"),
    TEMPERATURE("temperature", "8310-5", "Body temperature", "Cel"),
    OXYGEN_SATURATION("oxygenSaturation", "2710-2", "Oxygen saturation", "%{HemoglobinSaturation}"),
    HEAD_CIRCUMFERENCE("headCircumference", "8287-5", "Head circumference", "cm");

    private final String property;
    private final String loinc;
    private final String title;
    private final String unit;

    VitalSignSlot(String property, String loinc, String title, String unit) {
        this.property = property;
        this.loinc = loinc;
        this.title = title;
        this.unit = unit;
    }

    /** The property of the set (or, for systolic and diastolic, of its sp:BloodPressure). */
    public String property() {
        return property;
    }

    public String loinc() {
        return loinc;
    }

    public String title() {
        return title;
    }

    /** SMART's unit for the slot (UCUM). */
    public String unit() {
        return unit;
    }

    public boolean bloodPressure() {
        return this == SYSTOLIC || this == DIASTOLIC;
    }
}
