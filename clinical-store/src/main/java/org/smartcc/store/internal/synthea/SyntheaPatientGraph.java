package org.smartcc.store.internal.synthea;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.internal.graph.SmartGraph;

/**
 * Builds the SMART statements of one Synthea patient (docs/synthea-mapping.md has the table). A row that cannot be
 * mapped faithfully fails the whole patient with an {@link InvalidRecordException} naming the file, line and problem.
 */
public final class SyntheaPatientGraph {

    /** Synthea's encounter classes and the SMART EncounterType that describes each. */
    private static final Map<String, String> ENCOUNTER_TYPES = Map.ofEntries(
            Map.entry("wellness", "ambulatory"), Map.entry("ambulatory", "ambulatory"),
            Map.entry("outpatient", "ambulatory"), Map.entry("urgentcare", "ambulatory"),
            Map.entry("emergency", "emergency"), Map.entry("inpatient", "inpatient"), Map.entry("snf", "inpatient"),
            Map.entry("home", "home"), Map.entry("hospice", "home"), Map.entry("virtual", "virtual"));

    private final SyntheaPatient patient;
    private final SmartGraph graph = new SmartGraph();
    private final Map<String, Resource> encounters = new HashMap<>();

    private SyntheaPatientGraph(SyntheaPatient patient) {
        this.patient = patient;
    }

    public static Model of(SyntheaPatient patient) {
        SyntheaPatientGraph builder = new SyntheaPatientGraph(patient);
        for (SyntheaFile file : SyntheaFile.values()) {
            patient.rows(file).forEach(CsvRow::requireComplete);
        }
        builder.demographics();
        builder.encounters();
        builder.problems();
        builder.medications();
        builder.labResults();
        VitalSignSets.add(builder.graph, builder.patient.rows(SyntheaFile.OBSERVATIONS), builder::encounterOf);
        builder.immunizations();
        builder.procedures();
        AllergyStatements.add(builder.graph, builder.patient.rows(SyntheaFile.ALLERGIES), builder::encounterOf);
        return builder.graph.model();
    }

    private void demographics() {
        List<CsvRow> rows = patient.rows(SyntheaFile.PATIENTS);
        if (rows.size() != 1) {
            throw rows.get(1).problem("SYNTHEA_DUPLICATE_PATIENT", "Id '" + patient.id() + "' is also on "
                    + rows.get(0).where());
        }
        CsvRow row = rows.get(0);
        Resource d = graph.statement("Demographics");
        d.addProperty(foaf("gender"), switch (row.required("GENDER")) {
            case "M" -> "male";
            case "F" -> "female";
            default -> throw row.problem("SYNTHEA_VALUE", "GENDER '" + row.text("GENDER") + "' is not M or F");
        });
        d.addProperty(Vocab.vcard("bday"), row.requiredDate("BIRTHDATE"));
        SmartGraph.literal(d, Vocab.vcard("deathdate"), row.date("DEATHDATE"));

        Resource name = graph.node(vcardClass("Name"));
        SmartGraph.literal(name, Vocab.vcard("given-name"), row.text("FIRST"));
        SmartGraph.literal(name, Vocab.vcard("family-name"), row.text("LAST"));
        SmartGraph.literal(name, Vocab.vcard("honorific-prefix"), row.text("PREFIX"));
        SmartGraph.literal(name, Vocab.vcard("honorific-suffix"), row.text("SUFFIX"));
        d.addProperty(Vocab.vcard("n"), name);

        Resource address = graph.node(vcardClass("Address")).addProperty(RDF.type, vcardClass("Home"));
        SmartGraph.literal(address, Vocab.vcard("street-address"), row.text("ADDRESS"));
        SmartGraph.literal(address, Vocab.vcard("locality"), row.text("CITY"));
        SmartGraph.literal(address, Vocab.vcard("region"), row.text("STATE"));
        SmartGraph.literal(address, Vocab.vcard("postal-code"), row.text("ZIP"));
        d.addProperty(Vocab.vcard("adr"), address);

        SmartGraph.literal(d, Vocab.spProperty("race"), row.text("RACE"));
        SmartGraph.literal(d, Vocab.spProperty("ethnicity"), row.text("ETHNICITY"));
        // The Synthea Id is the patient's identifier in the source, which is what a medical record number is.
        d.addProperty(Vocab.spProperty("medicalRecordNumber"),
                graph.medicalRecordNumber("Synthea", patient.id(), "Synthea patient " + patient.id()));
    }

    private void encounters() {
        for (CsvRow row : patient.rows(SyntheaFile.ENCOUNTERS)) {
            String id = row.required("Id");
            String syntheaClass = row.required("ENCOUNTERCLASS").toLowerCase(Locale.ROOT);
            String type = ENCOUNTER_TYPES.get(syntheaClass);
            if (type == null) {
                throw row.problem("SYNTHEA_VALUE", "ENCOUNTERCLASS '" + syntheaClass + "' is none of "
                        + new TreeSet<>(ENCOUNTER_TYPES.keySet()));
            }
            Resource encounter = graph.statement("Encounter");
            encounter.addProperty(Vocab.spProperty("startDate"), row.requiredDate("START"));
            SmartGraph.literal(encounter, Vocab.spProperty("endDate"), row.date("STOP"));
            String title = Character.toUpperCase(type.charAt(0)) + type.substring(1) + " encounter";
            encounter.addProperty(Vocab.spProperty("encounterType"), graph.enumerated("EncounterType", type, title));
            if (encounters.put(id, encounter) != null) {
                throw row.problem("SYNTHEA_DUPLICATE_ENCOUNTER", "Id '" + id + "' is on two rows");
            }
        }
    }

    /** Conditions become problems; a condition with a STOP date is resolved, one without is active. */
    private void problems() {
        for (CsvRow row : patient.rows(SyntheaFile.CONDITIONS)) {
            Resource problem = graph.statement("Problem");
            problem.addProperty(Vocab.spProperty("problemName"), snomed(row, "SNOMED"));
            problem.addProperty(Vocab.spProperty("startDate"), row.requiredDate("START"));
            String stop = row.date("STOP");
            SmartGraph.literal(problem, Vocab.spProperty("endDate"), stop);
            problem.addProperty(Vocab.spProperty("problemStatus"), stop == null
                    ? graph.codedValue(SmartGraph.SNOMED, "55561003", "Active", "ProblemStatus")
                    : graph.codedValue(SmartGraph.SNOMED, "413322009", "Resolved", "ProblemStatus"));
            Resource encounter = encounterOf(row);
            if (encounter != null) {
                problem.addProperty(Vocab.spProperty("encounters"), encounter);
            }
        }
    }

    private void medications() {
        for (CsvRow row : patient.rows(SyntheaFile.MEDICATIONS)) {
            encounterOf(row);
            Resource medication = graph.statement("Medication");
            medication.addProperty(Vocab.spProperty("drugName"), graph.codedValue(SmartGraph.RXNORM,
                    row.code("CODE", CsvRow.DIGITS, "RxNorm"), row.required("DESCRIPTION"), "RxNorm_Semantic"));
            medication.addProperty(Vocab.spProperty("startDate"), row.requiredDate("START"));
            SmartGraph.literal(medication, Vocab.spProperty("endDate"), row.date("STOP"));
        }
    }

    /** Laboratory observations; a numeric one gives a quantitative result, a text one a narrative result. */
    private void labResults() {
        for (CsvRow row : patient.rows(SyntheaFile.OBSERVATIONS)) {
            if (!"laboratory".equals(row.text("CATEGORY"))) {
                continue;
            }
            encounterOf(row);
            Resource lab = graph.statement("LabResult");
            lab.addProperty(Vocab.spProperty("labName"), graph.codedValue(SmartGraph.LOINC,
                    row.code("CODE", CsvRow.LOINC, "LOINC"), row.required("DESCRIPTION"), "LOINC"));
            lab.addProperty(Vocab.DATE, row.requiredDate("DATE"));
            if ("numeric".equals(row.text("TYPE"))) {
                String unit = row.text("UNITS");
                if (unit == null) {
                    throw row.problem("SYNTHEA_UNIT", "a numeric VALUE needs UNITS (sp:ValueAndUnit requires a unit)");
                }
                Resource valueAndUnit = graph.valueAndUnit(Vocab.sp("ValueAndUnit"), row.number("VALUE"), unit);
                lab.addProperty(Vocab.spProperty("quantitativeResult"), graph.node(Vocab.sp("QuantitativeResult"))
                        .addProperty(Vocab.spProperty("valueAndUnit"), valueAndUnit));
            } else {
                lab.addProperty(Vocab.spProperty("narrativeResult"),
                        graph.node(Vocab.sp("NarrativeResult")).addProperty(Vocab.VALUE, row.required("VALUE")));
            }
        }
    }

    private void immunizations() {
        for (CsvRow row : patient.rows(SyntheaFile.IMMUNIZATIONS)) {
            encounterOf(row);
            Resource immunization = graph.statement("Immunization");
            immunization.addProperty(Vocab.spProperty("productName"), graph.codedValue(SmartGraph.CVX,
                    row.code("CODE", CsvRow.DIGITS, "CVX"), row.required("DESCRIPTION"), "ImmunizationProduct"));
            immunization.addProperty(Vocab.DATE, row.requiredDate("DATE"));
            // Synthea writes only the doses it gave; refusals are not exported.
            immunization.addProperty(Vocab.spProperty("administrationStatus"),
                    graph.enumerated("ImmunizationAdministrationStatus", "doseGiven", "Dose Given"));
        }
    }

    private void procedures() {
        for (CsvRow row : patient.rows(SyntheaFile.PROCEDURES)) {
            encounterOf(row);
            Resource procedure = graph.statement("Procedure");
            procedure.addProperty(Vocab.spProperty("procedureName"), snomed(row, "Procedure"));
            procedure.addProperty(Vocab.DATE, row.requiredDate("START"));
        }
    }

    private Resource snomed(CsvRow row, String codeClass) {
        return graph.codedValue(SmartGraph.SNOMED, row.code("CODE", CsvRow.DIGITS, "SNOMED CT"),
                row.required("DESCRIPTION"), codeClass);
    }

    /**
     * The patient's encounter a row names, or null when it names none; naming an unknown one is an error. Types that
     * SMART gives no encounter link (medications, lab results, ...) call it only to check the reference.
     */
    private Resource encounterOf(CsvRow row) {
        String id = row.text("ENCOUNTER");
        if (id == null) {
            return null;
        }
        Resource encounter = encounters.get(id);
        if (encounter == null) {
            throw row.problem("SYNTHEA_ENCOUNTER", "ENCOUNTER '" + id + "' is not an encounter of patient "
                    + patient.id() + " in " + SyntheaFile.ENCOUNTERS.fileName());
        }
        return encounter;
    }

    private static Property foaf(String localName) {
        return ResourceFactory.createProperty(Vocab.FOAF, localName);
    }

    private static Resource vcardClass(String localName) {
        return ResourceFactory.createResource(Vocab.VCARD + localName);
    }
}
