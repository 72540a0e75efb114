package org.smartcc.store.internal.i2b2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.ClinicalRecord;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.internal.jdbc.JdbcClinicalStore;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

/** The i2b2 → SMART mapping's edge cases (docs/i2b2-smart-mapping.md): units, results without units, duplicates. */
class I2b2PatientGraphTest {

    private static final LocalDateTime DAY = LocalDateTime.of(1997, 4, 30, 0, 0);
    private static final int ENCOUNTER = 7;

    @Test
    void vitalSignsAreConvertedIntoSmartsUnitsAndRoundedTo5Decimals() {
        Model m = graph(vital("3141-9", "215", "lb"), vital("8302-2", "65", "inch"), vital("8310-5", "98.6", "F"),
                vital("39156-5", "35.8", "kg/m2"), vital("8480-6", "130.00000", "mm Hg"),
                vital("8867-4", "80", "beats/minute"), vital("9279-1", "16", "breaths/minute"),
                vital("2710-2", "97", "%"));
        Resource set = only(m, "VitalSignSet");
        assertEquals("1997-04-30", set.getProperty(Vocab.DATE).getString());
        assertEquals(List.of("97.52236", "kg"), vital(set, "weight"));
        assertEquals(List.of("165.1", "cm"), vital(set, "height"));
        assertEquals(List.of("37", "Cel"), vital(set, "temperature"));
        assertEquals(List.of("35.8", "kg/m2"), vital(set, "bodyMassIndex"));
        assertEquals(List.of("80", "{beats}/min"), vital(set, "heartRate"));
        assertEquals(List.of("16", "{breaths}/min"), vital(set, "respiratoryRate"));
        assertEquals(List.of("97", "%{HemoglobinSaturation}"), vital(set, "oxygenSaturation"));
        assertEquals(List.of("130", "mm[Hg]"),
                vital(set.getPropertyResourceValue(Vocab.spProperty("bloodPressure")), "systolic"));
        assertEquals(List.of("36.66667", "Cel"), vital(only(graph(vital("8310-5", "98", "F")), "VitalSignSet"),
                "temperature"));
        assertEquals(0, m.listSubjectsWithProperty(RDF.type, Vocab.sp("LabResult")).toList().size());
    }

    @Test
    void aVitalSignInAnUnknownUnitRejectsThePatient() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> graph(vital("3141-9", "15", "stone")));
        assertEquals("I2B2_UNIT", e.code());
        assertEquals("observation_fact LOINC:3141-9 at encounter 7 on 1997-04-30: units_cd 'stone' of weight is none "
                + "of [kg, lb] (the loader converts only these into kg)", e.getMessage());
    }

    @Test
    void twoDifferentValuesForOneSlotRejectThePatientAndTheSameValueTwiceIsOne() {
        assertEquals("I2B2_DUPLICATE_VITAL", assertThrows(InvalidRecordException.class,
                () -> graph(vital("3141-9", "150", "lb"), vital("3141-9", "151", "lb"))).code());
        Resource set = only(graph(vital("3141-9", "68.1", "kg"), vital("3141-9", "68.10", "kg")), "VitalSignSet");
        assertEquals(1, set.listProperties(Vocab.spProperty("weight")).toList().size());
    }

    @Test
    void labNumbersWithoutUnitOrWithAnOperatorAreNarrativeResults() {
        Map<String, String> results = new TreeMap<>();
        Model m = graph(lab("2951-2", "N", "E", "140", "mmol/l", "H"), lab("6301-6", "N", "E", "1.70000", "@", null),
                lab("1975-2", "N", "L", "0.5", "mg/dl", null), lab("10378-8", "T", "1+", null, "@", "@"),
                lab("10839-9", "T", null, null, "ng/ml", null));
        for (Resource lab : m.listSubjectsWithProperty(RDF.type, Vocab.sp("LabResult")).toList()) {
            Resource name = lab.getPropertyResourceValue(Vocab.spProperty("labName"));
            Resource quantity = lab.getPropertyResourceValue(Vocab.spProperty("quantitativeResult"));
            Resource narrative = lab.getPropertyResourceValue(Vocab.spProperty("narrativeResult"));
            Resource flag = lab.getPropertyResourceValue(Vocab.spProperty("abnormalInterpretation"));
            String result = quantity != null
                    ? String.join(" ", vital(quantity.getPropertyResourceValue(Vocab.spProperty("valueAndUnit"))))
                    : narrative != null ? "text " + narrative.getProperty(Vocab.VALUE).getString() : "none";
            results.put(name.getProperty(Vocab.TITLE).getString(), result + (flag == null ? "" : " abnormal"));
        }
        assertEquals(Map.of("Sodium", "140 mmol/l abnormal", "INR", "text 1.7", "Bilirubin", "text <0.5 mg/dl",
                "Protein", "text 1+", "LOINC:10839-9", "none"), results);
    }

    @Test
    void aProblemPerIcd9CodeFromItsFirstFactAndAMedicationPerNdcCodeFromFirstToLast() {
        Model m = graph(fact("ICD9:401.9", "1", DAY.plusDays(3), null), fact("ICD9:401.9", "2", DAY, null),
                fact("NDC:00002727516", "@", DAY, DAY.plusDays(10)), fact("NDC:00002727516", "@", DAY.plusDays(20),
                        null));
        Resource problem = only(m, "Problem");
        assertEquals("1997-04-30", problem.getProperty(Vocab.spProperty("startDate")).getString());
        Resource code = problem.getPropertyResourceValue(Vocab.spProperty("problemName"))
                .getPropertyResourceValue(Vocab.CODE_PROPERTY);
        assertEquals("http://purl.bioontology.org/ontology/ICD9CM/401.9", code.getURI());
        assertEquals("Hypertension NOS", code.getProperty(Vocab.TITLE).getString());
        Resource medication = only(m, "Medication");
        assertEquals("1997-04-30", medication.getProperty(Vocab.spProperty("startDate")).getString());
        assertEquals("1997-05-20", medication.getProperty(Vocab.spProperty("endDate")).getString());
    }

    @Test
    void aMedicationsInstructionsAreItsLatestOrdersSigElseDoseRouteAndFrequency() {
        String ndc = "NDC:00002314530";
        LocalDateTime later = DAY.plusDays(30);
        List<WarehousePatient.Fact> facts = List.of(
                fact(ndc, "@", DAY, null), modifier(ndc, "MED:SIG", DAY, "T", "1 tab daily", null, null),
                fact(ndc, "@", later, null), modifier(ndc, "MED:DOSE", later, "N", "E", "300.00000", "mg"),
                modifier(ndc, "MED:ROUTE", later, "T", "PO", null, null),
                modifier(ndc, "MED:FREQ", later, "T", "QHS", null, null));
        assertEquals("300 mg PO QHS", I2b2PatientGraph.instructions(facts).orElseThrow());
        assertEquals("1 tab daily", I2b2PatientGraph.instructions(facts.subList(0, 2)).orElseThrow());
        assertEquals("1 tab daily with food", I2b2PatientGraph.instructions(List.of(facts.get(0), facts.get(1),
                modifier(ndc, "MED:INST", DAY, "T", "with food", null, null))).orElseThrow());
        assertTrue(I2b2PatientGraph.instructions(List.of(fact(ndc, "@", DAY, null))).isEmpty());
        Resource medication = only(graph(facts.toArray(WarehousePatient.Fact[]::new)), "Medication");
        assertEquals("300 mg PO QHS", medication.getProperty(Vocab.spProperty("instructions")).getString());
    }

    @Test
    void demographicsNameTheRecordAndLeaveOutAGenderSmartHasNoWordFor() {
        Resource d = only(I2b2PatientGraph.of(new WarehousePatient(new WarehousePatient.Patient(1000000042, "U",
                DAY, null, "02115", "white", "english"), List.of(), List.of()), Map.of()), "Demographics");
        assertNull(d.getProperty(ResourceFactory.createProperty(Vocab.FOAF, "gender")));
        assertEquals("1997-04-30", d.getProperty(Vocab.vcard("bday")).getString());
        Resource name = d.getPropertyResourceValue(Vocab.vcard("n"));
        assertEquals("Patient 1000000042", name.getProperty(Vocab.vcard("given-name")).getString() + " "
                + name.getProperty(Vocab.vcard("family-name")).getString());
        assertEquals("1000000042", d.getPropertyResourceValue(Vocab.spProperty("medicalRecordNumber"))
                .getProperty(Vocab.IDENTIFIER).getString());
        assertEquals("02115", d.getPropertyResourceValue(Vocab.vcard("adr")).getProperty(Vocab.vcard("postal-code"))
                .getString());
    }

    @Test
    void aRecordIsStoredUnderTheGivenPatientNumWhichNoOtherRecordMayHave() {
        try (Database db = Database.open("jdbc:h2:mem:i2b2-patient-num;DB_CLOSE_DELAY=-1", "sa", "")) {
            JdbcClinicalStore store = new JdbcClinicalStore(db);
            assertEquals(1000000042, store.replace(record("1000000042"), 1000000042));
            assertEquals(1000000042, store.replace(record("1000000042"), 1000000042));
            assertEquals(1000000042, store.patientNum("1000000042").orElseThrow());
            assertEquals("PATIENT_NUM_TAKEN", assertThrows(InvalidRecordException.class,
                    () -> store.replace(record("other"), 1000000042)).code());
            assertEquals("PATIENT_NUM_TAKEN", assertThrows(InvalidRecordException.class,
                    () -> store.replace(record("1000000042"), 1000000043)).code());
        }
    }

    @Test
    void aRecordNumberedByTheSequenceSkipsTheNumbersWarehouseRecordsKeep() {
        try (Database db = Database.open("jdbc:h2:mem:i2b2-patient-num-sequence;DB_CLOSE_DELAY=-1", "sa", "")) {
            JdbcClinicalStore store = new JdbcClinicalStore(db);
            // a warehouse that numbers its patients from 1, as the sequence does
            assertEquals(1, store.replace(record("1"), 1));
            assertEquals(2, store.replace(record("2"), 2));
            assertEquals(3, store.replace(record("a-sample")));
        }
    }

    private static ClinicalRecord record(String id) {
        WarehousePatient p = new WarehousePatient(new WarehousePatient.Patient(1, "F", DAY, null, null, null, null),
                List.of(), List.of());
        return new SmartRecordMapper(SmartOntology.shared()).map(id, "test:" + id, "sha", I2b2PatientGraph.of(p,
                Map.of()));
    }

    private static Model graph(WarehousePatient.Fact... facts) {
        WarehousePatient patient = new WarehousePatient(new WarehousePatient.Patient(1000000001, "F", DAY.minusYears(40),
                null, null, null, null), List.of(new WarehousePatient.Visit(ENCOUNTER, DAY, DAY, "O")),
                new ArrayList<>(List.of(facts)));
        return I2b2PatientGraph.of(patient, Map.of("LOINC:2951-2", "Sodium", "LOINC:6301-6", "INR",
                "LOINC:1975-2", "Bilirubin", "LOINC:10378-8", "Protein", "ICD9:401.9", "Hypertension NOS"));
    }

    private static WarehousePatient.Fact vital(String loinc, String value, String unit) {
        return new WarehousePatient.Fact(ENCOUNTER, "LOINC:" + loinc, "@", 1, DAY, null, "N", "E",
                new BigDecimal(value), "@", unit);
    }

    private static WarehousePatient.Fact lab(String loinc, String valtype, String tval, String nval, String unit,
                                             String flag) {
        return new WarehousePatient.Fact(ENCOUNTER, "LOINC:" + loinc, "@", 1, DAY, null, valtype, tval,
                nval == null ? null : new BigDecimal(nval), flag, unit);
    }

    private static WarehousePatient.Fact modifier(String concept, String modifier, LocalDateTime start, String valtype,
                                                  String tval, String nval, String unit) {
        return new WarehousePatient.Fact(ENCOUNTER, concept, modifier, 1, start, null, valtype, tval,
                nval == null ? null : new BigDecimal(nval), null, unit);
    }

    private static WarehousePatient.Fact fact(String concept, String modifier, LocalDateTime start, LocalDateTime end) {
        return new WarehousePatient.Fact(ENCOUNTER, concept, modifier, 1, start, end, null, null, null, null, "@");
    }

    private static Resource only(Model m, String type) {
        List<Resource> statements = m.listSubjectsWithProperty(RDF.type, Vocab.sp(type)).toList();
        assertEquals(1, statements.size(), type);
        return statements.get(0);
    }

    private static List<String> vital(Resource owner, String slot) {
        return vital(owner.getPropertyResourceValue(Vocab.spProperty(slot)));
    }

    private static List<String> vital(Resource valueAndUnit) {
        Statement value = valueAndUnit.getProperty(Vocab.VALUE);
        return List.of(value.getString(), valueAndUnit.getProperty(Vocab.UNIT).getString());
    }
}
