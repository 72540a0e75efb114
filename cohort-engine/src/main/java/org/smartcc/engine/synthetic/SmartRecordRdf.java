package org.smartcc.engine.synthetic;

import static org.smartcc.engine.synthetic.StatementTriples.dcterms;
import static org.smartcc.engine.synthetic.StatementTriples.sp;
import static org.smartcc.engine.synthetic.StatementTriples.uri;
import static org.smartcc.engine.synthetic.StatementTriples.vcard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.smartcc.engine.synthetic.CodeCatalogue.Lab;
import org.smartcc.engine.synthetic.CodeCatalogue.Medication;
import org.smartcc.engine.synthetic.CodeCatalogue.TextLab;
import org.smartcc.engine.synthetic.CodeCatalogue.Vital;
import org.smartcc.engine.synthetic.SyntheticPatient.Visit;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.StatementType;

/**
 * The SMART RDF of a synthetic patient's statements ({@code --smart-records}, docs/synthetic-data.md): what the SMART
 * loader would have stored had the patient come as a SMART record, so that the record API serves it. Statement URIs
 * follow the ontology's {@code api:base_path} under {@link Vocab#STORE_BASE}; ids are name-based UUIDs of the record id,
 * the type and the statement's instance number (an encounter's: its encounter_num), so the same seed gives the same
 * ids. Everything here reads only its arguments: choices that need chance come from the caller's random stream.
 */
final class SmartRecordRdf {

    /** Code systems by the prefix of the generator's concept codes; clinical-store's own table is not exported. */
    private static final Map<String, String> SYSTEMS = Map.of(
            "LOINC", "http://purl.bioontology.org/ontology/LNC/",
            "SNOMED", "http://purl.bioontology.org/ontology/SNOMEDCT/",
            "RXNORM", "http://purl.bioontology.org/ontology/RXNORM/",
            "NDFRT", "http://purl.bioontology.org/ontology/NDFRT/",
            "UNII", "http://fda.gov/UNII/",
            "CVX", "http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=cvx#",
            "CVXVG", "http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=vg#");
    private static final String SNOMED = SYSTEMS.get("SNOMED");
    /** sp:VitalSignSet's slot for each vital sign of the catalogue (LOINC code); blood pressure nests two. */
    private static final Map<String, String> VITAL_SLOTS = Map.of("8480-6", "systolic", "8462-4", "diastolic",
            "8867-4", "heartRate", "9279-1", "respiratoryRate", "8310-5", "temperature", "2710-2", "oxygenSaturation",
            "8302-2", "height", "3141-9", "weight", "39156-5", "bodyMassIndex");
    /** SMART's AllergyCategory code for each category of the catalogue. */
    private static final Map<String, String[]> ALLERGY_CATEGORIES = Map.of(
            "drug", new String[] {"416098002", "Drug allergy"}, "food", new String[] {"414285001", "Food allergy"},
            "environment", new String[] {"426232007", "Environmental allergy"});
    private static final List<String[]> REACTIONS = List.of(new String[] {"247472004", "Hives"},
            new String[] {"271807003", "Skin rash"}, new String[] {"267036007", "Dyspnea"},
            new String[] {"39579001", "Anaphylaxis"});
    private static final List<String[]> SEVERITIES = List.of(new String[] {"255604002", "Mild"},
            new String[] {"6736007", "Moderate"}, new String[] {"24484000", "Severe"});
    private static final Map<String, StatementType> TYPES = statementTypes();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final CodeCatalogue catalogue;
    private final String recordId;
    private final String recordUri;

    SmartRecordRdf(CodeCatalogue catalogue, int patientNum) {
        this.catalogue = catalogue;
        this.recordId = recordId(patientNum);
        this.recordUri = Vocab.STORE_BASE + "/records/" + recordId;
    }

    /** The SMART record id of a synthetic patient: {@code S} and its patient_num, e.g. {@code S1000001}. */
    static String recordId(int patientNum) {
        return "S" + patientNum;
    }

    /** A statement's id: a name-based UUID, so that the same seed gives the same ids. */
    static String statementId(String recordId, String type, long key) {
        return UUID.nameUUIDFromBytes(("smartcc-synthetic\n" + recordId + '\n' + type + '\n' + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    String statementId(String type, long key) {
        return statementId(recordId, type, key);
    }

    private String statementUri(String type, String id) {
        return Vocab.STORE_BASE + TYPES.get(type).pathFor(recordId, id);
    }

    private StatementTriples start(String type, String id) {
        return new StatementTriples(statementUri(type, id), type, recordUri);
    }

    String encounter(String id, Visit visit) {
        StatementTriples t = start("Encounter", id);
        t.literal(t.subject(), sp("startDate"), dateTime(visit.start()));
        t.literal(t.subject(), sp("endDate"), dateTime(visit.end()));
        String type = visit.type();
        t.add(t.subject(), sp("encounterType"), t.coded(Vocab.SPCODE + "EncounterType#", type,
                Character.toUpperCase(type.charAt(0)) + type.substring(1) + " encounter", "EncounterType"));
        return t.text();
    }

    /** @param values one value per vital sign of {@code vitals}, in their order */
    String vitalSigns(String id, Visit visit, String encounterId, List<Vital> vitals, BigDecimal[] values) {
        StatementTriples t = start("VitalSignSet", id);
        t.literal(t.subject(), dcterms("date"), dateTime(visit.start()));
        t.add(t.subject(), sp("encounter"), uri(statementUri("Encounter", encounterId)));
        String bloodPressure = null;
        for (int i = 0; i < vitals.size(); i++) {
            Vital vital = vitals.get(i);
            String loinc = vital.conceptCode().substring("LOINC:".length());
            String sign = t.valueAndUnit("VitalSign", plain(values[i], vital.decimals()), vital.unit());
            t.add(sign, sp("vitalName"), t.coded(SYSTEMS.get("LOINC"), loinc, catalogue.title(vital.conceptCode()),
                    "VitalSign"));
            String slot = VITAL_SLOTS.get(loinc);
            if (slot.equals("systolic") || slot.equals("diastolic")) {
                if (bloodPressure == null) {
                    bloodPressure = t.node(Vocab.SP + "BloodPressure");
                    t.add(t.subject(), sp("bloodPressure"), bloodPressure);
                }
                t.add(bloodPressure, sp(slot), sign);
            } else {
                t.add(t.subject(), sp(slot), sign);
            }
        }
        return t.text();
    }

    /** A quantitative result with the test's normal range; outside it, interpreted as abnormal. */
    String labResult(String id, Visit visit, Lab lab, BigDecimal value, boolean abnormal) {
        StatementTriples t = labStatement(id, visit, lab.conceptCode(), abnormal);
        // sp:ValueAndUnit needs a unit; a dimensionless result (specific gravity) has UCUM's unit 1
        String unit = lab.unit() == null ? "1" : lab.unit();
        String result = t.node(Vocab.SP + "QuantitativeResult");
        t.add(t.subject(), sp("quantitativeResult"), result);
        t.add(result, sp("valueAndUnit"), t.valueAndUnit("ValueAndUnit", plain(value, lab.decimals()), unit));
        String range = t.node(Vocab.SP + "ValueRange");
        t.add(result, sp("normalRange"), range);
        t.add(range, sp("minimum"), t.valueAndUnit("ValueAndUnit", plain(lab.low()), unit));
        t.add(range, sp("maximum"), t.valueAndUnit("ValueAndUnit", plain(lab.high()), unit));
        return t.text();
    }

    String textLabResult(String id, Visit visit, TextLab lab, String text, boolean abnormal) {
        StatementTriples t = labStatement(id, visit, lab.conceptCode(), abnormal);
        String result = t.node(Vocab.SP + "NarrativeResult");
        t.literal(result, sp("value"), text);
        t.add(t.subject(), sp("narrativeResult"), result);
        return t.text();
    }

    private StatementTriples labStatement(String id, Visit visit, String conceptCode, boolean abnormal) {
        StatementTriples t = start("LabResult", id);
        t.literal(t.subject(), dcterms("date"), dateTime(visit.start()));
        t.add(t.subject(), sp("labName"), coded(t, conceptCode, "LOINC"));
        if (abnormal) {
            t.add(t.subject(), sp("abnormalInterpretation"), t.coded(Vocab.SPCODE + "LabResultInterpretation#",
                    "abnormal", "Abnormal", "LabResultInterpretation"));
        }
        return t;
    }

    /** A prescription of one dose {@code frequency} times a day until {@code end}, linked to its fulfillment. */
    String medication(String id, String fulfillmentId, Visit visit, Medication med, Timestamp end) {
        StatementTriples t = start("Medication", id);
        t.add(t.subject(), sp("drugName"), coded(t, med.conceptCode(), "RxNorm_Semantic"));
        t.literal(t.subject(), sp("startDate"), dateTime(visit.start()));
        t.literal(t.subject(), sp("endDate"), dateTime(end));
        t.literal(t.subject(), sp("instructions"), med.quantity() + " " + med.unit() + " once daily");
        t.add(t.subject(), sp("quantity"), t.valueAndUnit("ValueAndUnit", Integer.toString(med.quantity()),
                med.unit()));
        t.add(t.subject(), sp("frequency"), t.valueAndUnit("ValueAndUnit", "1", "/d"));
        t.add(t.subject(), sp("fulfillment"), uri(statementUri("Fulfillment", fulfillmentId)));
        return t.text();
    }

    String fulfillment(String id, String medicationId, Visit visit, Medication med, int days) {
        StatementTriples t = start("Fulfillment", id);
        t.literal(t.subject(), dcterms("date"), dateTime(visit.start()));
        t.literal(t.subject(), sp("dispenseDaysSupply"), Integer.toString(days));
        t.add(t.subject(), sp("quantityDispensed"), t.valueAndUnit("ValueAndUnit",
                Integer.toString(med.quantity() * days), med.unit()));
        t.add(t.subject(), sp("medication"), uri(statementUri("Medication", medicationId)));
        return t.text();
    }

    /** Problems, procedures, immunizations, allergy exclusions and social history: one code and a status. */
    String coded(String type, String id, Visit visit, String conceptCode) {
        StatementTriples t = start(type, id);
        switch (type) {
            case "Problem" -> {
                t.add(t.subject(), sp("problemName"), coded(t, conceptCode, "SNOMED"));
                t.literal(t.subject(), sp("startDate"), dateTime(visit.start()));
                t.add(t.subject(), sp("problemStatus"), t.coded(SNOMED, "55561003", "Active", "ProblemStatus"));
            }
            case "Procedure" -> {
                t.add(t.subject(), sp("procedureName"), coded(t, conceptCode, "Procedure"));
                t.literal(t.subject(), dcterms("date"), dateTime(visit.start()));
                t.add(t.subject(), sp("procedureStatus"), t.coded(SNOMED, "385658003", "Complete",
                        "ProcedureStatus"));
            }
            case "Immunization" -> {
                t.add(t.subject(), sp("productName"), coded(t, conceptCode, "ImmunizationProduct"));
                t.literal(t.subject(), dcterms("date"), dateTime(visit.start()));
                t.add(t.subject(), sp("administrationStatus"), t.coded(Vocab.SPCODE
                        + "ImmunizationAdministrationStatus#", "doseGiven", "Dose Given",
                        "ImmunizationAdministrationStatus"));
                String group = catalogue.vaccineGroup(conceptCode);
                if (group != null && !group.equals("Other vaccines")) {
                    t.add(t.subject(), sp("productClass"), t.coded(SYSTEMS.get("CVXVG"), group, group,
                            "ImmunizationClass"));
                }
            }
            case "AllergyExclusion" -> {
                t.add(t.subject(), sp("allergyExclusionName"), coded(t, conceptCode, "AllergyExclusion"));
                t.literal(t.subject(), dcterms("date"), dateTime(visit.start()));
            }
            case "SocialHistory" -> t.add(t.subject(), sp("smokingStatus"), coded(t, conceptCode, "SmokingStatus"));
            default -> throw new IllegalArgumentException("no RDF for a coded " + type);
        }
        return t.text();
    }

    /** An allergy to the catalogue's allergen, with a reaction and a severity drawn from {@code r}. */
    String allergy(String id, Visit visit, String conceptCode, SplittableRandom r) {
        StatementTriples t = start("Allergy", id);
        t.literal(t.subject(), sp("startDate"), dateTime(visit.start()));
        String allergen = conceptCode.substring("ALLERGEN:".length());
        String system = allergen.substring(0, allergen.indexOf(':'));
        String property = switch (system) {
            case "RXNORM" -> "drugAllergen";
            case "NDFRT" -> "drugClassAllergen";
            default -> "otherAllergen";
        };
        String codeClass = switch (system) {
            case "RXNORM" -> "RxNorm_Ingredient";
            case "NDFRT" -> "NDFRT";
            default -> "UNII";
        };
        t.add(t.subject(), sp(property), t.coded(SYSTEMS.get(system), allergen.substring(system.length() + 1),
                catalogue.title(conceptCode), codeClass));
        String[] category = ALLERGY_CATEGORIES.get(catalogue.allergenCategories.get(conceptCode));
        t.add(t.subject(), sp("category"), t.coded(SNOMED, category[0], category[1], "AllergyCategory"));
        String[] reaction = REACTIONS.get(r.nextInt(REACTIONS.size()));
        t.add(t.subject(), sp("allergicReaction"), t.coded(SNOMED, reaction[0], reaction[1], "SNOMED"));
        String[] severity = SEVERITIES.get(r.nextInt(SEVERITIES.size()));
        t.add(t.subject(), sp("severity"), t.coded(SNOMED, severity[0], severity[1], "AllergySeverity"));
        return t.text();
    }

    /**
     * The patient_dimension row's sex, birth and death dates, ZIP code, race and language (so a reload gives the
     * same row), a name drawn from {@code r}, and the patient_num as medical record number.
     */
    String demographics(String id, Object[] patientRow, SplittableRandom r) {
        StatementTriples t = start("Demographics", id);
        String s = t.subject();
        boolean female = "F".equals(patientRow[4]);
        t.literal(s, "<" + Vocab.FOAF + "gender>", female ? "female" : "male");
        t.literal(s, vcard("bday"), ((Timestamp) patientRow[2]).toLocalDateTime().toLocalDate().toString());
        if (patientRow[3] != null) {
            t.literal(s, vcard("deathdate"), ((Timestamp) patientRow[3]).toLocalDateTime().toLocalDate().toString());
        }
        List<String> given = female ? catalogue.givenFemale : catalogue.givenMale;
        String name = t.node(Vocab.VCARD + "Name");
        t.literal(name, vcard("given-name"), given.get(r.nextInt(given.size())));
        t.literal(name, vcard("family-name"), catalogue.familyNames.get(r.nextInt(catalogue.familyNames.size())));
        t.add(s, vcard("n"), name);
        String address = t.node(Vocab.VCARD + "Address");
        t.add(address, StatementTriples.RDF_TYPE, uri(Vocab.VCARD + "Home"));
        t.literal(address, vcard("locality"), "Tulsa");
        t.literal(address, vcard("region"), "OK");
        t.literal(address, vcard("postal-code"), (String) patientRow[10]);
        t.literal(address, vcard("country-name"), "USA");
        t.add(s, vcard("adr"), address);
        t.literal(s, sp("preferredLanguage"), (String) patientRow[6]);
        t.literal(s, sp("race"), (String) patientRow[7]);
        String mrn = t.node(Vocab.SP + "Code");
        t.add(mrn, StatementTriples.RDF_TYPE, uri(Vocab.SPCODE + "MedicalRecordNumber"));
        t.literal(mrn, sp("system"), "SMART Cohort Container synthetic patients");
        t.literal(mrn, dcterms("identifier"), patientRow[0].toString());
        t.literal(mrn, dcterms("title"), "Synthetic patient " + patientRow[0]);
        t.add(s, sp("medicalRecordNumber"), mrn);
        return t.text();
    }

    /** A catalogue code ({@code SYSTEM:code}) as a CodedValue with its catalogue title. */
    private String coded(StatementTriples t, String conceptCode, String codeClass) {
        int colon = conceptCode.indexOf(':');
        return t.coded(SYSTEMS.get(conceptCode.substring(0, colon)), conceptCode.substring(colon + 1),
                catalogue.title(conceptCode), codeClass);
    }

    private static String dateTime(Timestamp t) {
        return DATE_TIME.format(t.toLocalDateTime());
    }

    /** The value as the fact holds it, written with the test's decimals (the fact keeps five). */
    private static String plain(BigDecimal value, int decimals) {
        return value.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Map<String, StatementType> statementTypes() {
        Map<String, StatementType> types = new HashMap<>();
        for (String name : SyntheticPatient.STATEMENT_TYPES) {
            types.put(name, SmartOntology.shared().statementType(name).orElseThrow(() ->
                    new IllegalStateException("the SMART ontology has no statement type " + name)));
        }
        return types;
    }
}
