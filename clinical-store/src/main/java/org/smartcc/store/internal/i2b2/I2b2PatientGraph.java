package org.smartcc.store.internal.i2b2;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.internal.graph.SmartGraph;

/**
 * Builds the SMART statements of one i2b2 warehouse patient (docs/i2b2-smart-mapping.md has the table). A row that
 * cannot be mapped faithfully fails the whole patient with an {@link InvalidRecordException} naming the row and problem.
 */
public final class I2b2PatientGraph {

    private static final Map<String, String> ENCOUNTER_TYPES = Map.of("I", "inpatient", "O", "ambulatory",
            "E", "emergency");
    /** i2b2's numeric operators in tval_char other than E (equals), as a narrative result writes them. */
    private static final Map<String, String> OPERATORS = Map.of("L", "<", "LE", "<=", "G", ">", "GE", ">=",
            "NE", "!=");
    private static final String NO_UNIT = "@";
    /** i2b2's high, low and abnormal flags; SMART's interpretation has no high or low, only abnormal. */
    private static final Set<String> ABNORMAL_FLAGS = Set.of("H", "L", "A");

    private final WarehousePatient patient;
    private final Map<String, String> names;
    private final SmartGraph graph = new SmartGraph();
    private final Map<Integer, Resource> encounters = new HashMap<>();

    private I2b2PatientGraph(WarehousePatient patient, Map<String, String> conceptNames) {
        this.patient = patient;
        this.names = conceptNames;
    }

    /** The patient's statements; {@code conceptNames} gives the titles of codes ({@code name_char} by concept_cd). */
    public static Model of(WarehousePatient patient, Map<String, String> conceptNames) {
        I2b2PatientGraph builder = new I2b2PatientGraph(patient, conceptNames);
        builder.demographics();
        builder.encounters();
        I2b2VitalSigns.add(builder.graph, patient.facts(), builder.encounters::get);
        builder.labResults();
        builder.problems();
        builder.medications();
        return builder.graph.model();
    }

    /** A SMART date literal: the day alone at midnight (i2b2 writes most dates so), else date and time. */
    static String date(LocalDateTime time) {
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
                : time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private void demographics() {
        WarehousePatient.Patient p = patient.patient();
        Resource d = graph.statement("Demographics");
        // SMART knows male, female and undifferentiated; i2b2 codes other than M and F (unknown, other) say none of
        // them, so the gender is left out rather than guessed.
        String gender = "M".equals(p.sexCd()) ? "male" : "F".equals(p.sexCd()) ? "female" : null;
        SmartGraph.literal(d, ResourceFactory.createProperty(Vocab.FOAF, "gender"), gender);
        if (p.birthDate() != null) {
            d.addProperty(Vocab.vcard("bday"), p.birthDate().toLocalDate().toString());
        }
        if (p.deathDate() != null) {
            d.addProperty(Vocab.vcard("deathdate"), p.deathDate().toLocalDate().toString());
        }
        // i2b2 holds no names; the name says what the record is, as SMART i2b2 showed the "Patient Number".
        d.addProperty(Vocab.vcard("n"), graph.node(vcardClass("Name"))
                .addProperty(Vocab.vcard("given-name"), "Patient")
                .addProperty(Vocab.vcard("family-name"), patient.recordId()));
        d.addProperty(Vocab.spProperty("medicalRecordNumber"),
                graph.medicalRecordNumber("i2b2", patient.recordId(), "Patient Number " + patient.recordId()));
        if (p.zipCd() != null) {
            d.addProperty(Vocab.vcard("adr"), graph.node(vcardClass("Address")).addProperty(RDF.type, vcardClass("Home"))
                    .addProperty(Vocab.vcard("postal-code"), p.zipCd()));
        }
        SmartGraph.literal(d, Vocab.spProperty("race"), p.raceCd());
        SmartGraph.literal(d, Vocab.spProperty("preferredLanguage"), p.languageCd());
    }

    private void encounters() {
        for (WarehousePatient.Visit v : patient.visits()) {
            if (v.startDate() == null) {
                throw new InvalidRecordException("I2B2_MISSING_VALUE", "visit_dimension encounter " + v.encounterNum()
                        + ": start_date is empty (sp:Encounter requires sp:startDate)");
            }
            Resource encounter = graph.statement("Encounter");
            encounter.addProperty(Vocab.spProperty("startDate"), date(v.startDate()));
            if (v.endDate() != null) {
                encounter.addProperty(Vocab.spProperty("endDate"), date(v.endDate()));
            }
            String type = ENCOUNTER_TYPES.get(v.inoutCd());
            if (type != null) {
                String title = Character.toUpperCase(type.charAt(0)) + type.substring(1) + " encounter";
                encounter.addProperty(Vocab.spProperty("encounterType"),
                        graph.enumerated("EncounterType", type, title));
            }
            if (encounters.put(v.encounterNum(), encounter) != null) {
                throw new InvalidRecordException("I2B2_DUPLICATE_ENCOUNTER", "visit_dimension: encounter "
                        + v.encounterNum() + " is on two rows");
            }
        }
    }

    /** LOINC facts that are not vital signs; each is one lab result. */
    private void labResults() {
        for (WarehousePatient.Fact f : patient.facts()) {
            if (!f.conceptCd().startsWith("LOINC:") || I2b2VitalSigns.isVitalSign(f)) {
                continue;
            }
            Resource lab = graph.statement("LabResult");
            lab.addProperty(Vocab.spProperty("labName"), graph.codedValue(SmartGraph.LOINC, f.code(), title(f),
                    "LOINC"));
            lab.addProperty(Vocab.DATE, date(f.startDate()));
            if ("N".equals(f.valtypeCd())) {
                numericResult(lab, f);
            } else if (f.tvalChar() != null) {
                narrative(lab, f.tvalChar() + unitSuffix(f));
            }
            if (f.valueflagCd() != null && ABNORMAL_FLAGS.contains(f.valueflagCd())) {
                lab.addProperty(Vocab.spProperty("abnormalInterpretation"),
                        graph.enumerated("LabResultInterpretation", "abnormal", "Abnormal"));
            }
        }
    }

    /**
     * A number with a unit is a quantitative result. A number without a unit ({@code @}) or compared by an operator
     * ({@code <}, {@code >}, ...) is not a SMART quantity (sp:ValueAndUnit requires a unit, and has no comparator), so
     * it is a narrative result that writes it, e.g. {@code <0.5 mg/dl}.
     */
    private void numericResult(Resource lab, WarehousePatient.Fact f) {
        if (f.nvalNum() == null) {
            return;
        }
        String value = I2b2VitalSigns.plain(f.nvalNum());
        String operator = f.tvalChar() == null ? "E" : f.tvalChar();
        if (!"E".equals(operator) && !OPERATORS.containsKey(operator)) {
            throw I2b2VitalSigns.problem(f, "I2B2_VALUE", "tval_char '" + operator + "' of a number is none of i2b2's "
                    + "operators E, NE, L, LE, G, GE");
        }
        if ("E".equals(operator) && f.unitsCd() != null && !NO_UNIT.equals(f.unitsCd())) {
            lab.addProperty(Vocab.spProperty("quantitativeResult"), graph.node(Vocab.sp("QuantitativeResult"))
                    .addProperty(Vocab.spProperty("valueAndUnit"),
                            graph.valueAndUnit(Vocab.sp("ValueAndUnit"), value, f.unitsCd())));
        } else {
            narrative(lab, OPERATORS.getOrDefault(operator, "") + value + unitSuffix(f));
        }
    }

    private void narrative(Resource lab, String text) {
        lab.addProperty(Vocab.spProperty("narrativeResult"),
                graph.node(Vocab.sp("NarrativeResult")).addProperty(Vocab.VALUE, text));
    }

    private static String unitSuffix(WarehousePatient.Fact f) {
        return f.unitsCd() == null || NO_UNIT.equals(f.unitsCd()) ? "" : " " + f.unitsCd();
    }

    /** One problem per ICD-9 code, from its first fact (any modifier: principal, secondary, ... diagnosis). */
    private void problems() {
        perCode("ICD9:", "Problem", "problemName", SmartGraph.ICD9);
    }

    /**
     * One medication per NDC code, from its first to its last fact, with the instructions of its latest order
     * ({@link #instructions}).
     */
    private void medications() {
        perCode("NDC:", "Medication", "drugName", SmartGraph.NDC).forEach((medication, facts) -> {
            LocalDateTime last = first(facts);
            for (WarehousePatient.Fact f : facts) {
                LocalDateTime end = f.endDate() == null ? f.startDate() : f.endDate();
                last = end.isAfter(last) ? end : last;
            }
            medication.addProperty(Vocab.spProperty("endDate"), date(last));
            instructions(facts).ifPresent(text -> medication.addProperty(Vocab.spProperty("instructions"), text));
        });
    }

    /**
     * The latest order's instructions as its modifier facts record them: i2b2's sig ({@code MED:SIG}) when there is
     * one, else its dose, route and frequency ({@code MED:DOSE}, {@code MED:ROUTE}, {@code MED:FREQ}: "300 mg PO
     * QHS"), then any free-text instruction ({@code MED:INST}). An order is the facts of one encounter, start and
     * instance; empty when the order has none of these.
     */
    static Optional<String> instructions(List<WarehousePatient.Fact> facts) {
        WarehousePatient.Fact latest = facts.stream().max(Comparator.comparing(WarehousePatient.Fact::startDate)
                .thenComparingInt(WarehousePatient.Fact::encounterNum)
                .thenComparingInt(WarehousePatient.Fact::instanceNum)).orElseThrow();
        Map<String, String> modifiers = new HashMap<>();
        for (WarehousePatient.Fact f : facts) {
            if (f.encounterNum() == latest.encounterNum() && f.startDate().equals(latest.startDate())
                    && f.instanceNum() == latest.instanceNum()) {
                modifierText(f).ifPresent(text -> modifiers.putIfAbsent(f.modifierCd(), text));
            }
        }
        List<String> parts = new ArrayList<>();
        if (modifiers.containsKey("MED:SIG")) {
            parts.add(modifiers.get("MED:SIG"));
        } else {
            Stream.of("MED:DOSE", "MED:ROUTE", "MED:FREQ").map(modifiers::get).filter(Objects::nonNull)
                    .forEach(parts::add);
        }
        Optional.ofNullable(modifiers.get("MED:INST")).ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }

    /** A number with its unit ("300 mg"), or a text ("QHS"); empty for an empty one. */
    private static Optional<String> modifierText(WarehousePatient.Fact f) {
        if ("N".equals(f.valtypeCd()) && f.nvalNum() != null) {
            return Optional.of((f.nvalNum().stripTrailingZeros().toPlainString() + unitSuffix(f)).strip());
        }
        return Optional.ofNullable(f.tvalChar()).map(String::strip).filter(t -> !t.isEmpty());
    }

    /**
     * A statement per code of a system, its name the code (a plain sp:Code: the ontology has no class for ICD-9-CM or
     * NDC) titled by the concept's name, starting at the code's first fact; returns each with its facts.
     */
    private Map<Resource, List<WarehousePatient.Fact>> perCode(String prefix, String type, String nameProperty,
                                                               String system) {
        Map<Resource, List<WarehousePatient.Fact>> statements = new LinkedHashMap<>();
        for (List<WarehousePatient.Fact> facts : byCode(prefix).values()) {
            WarehousePatient.Fact first = facts.get(0);
            Resource statement = graph.statement(type);
            statement.addProperty(Vocab.spProperty(nameProperty),
                    graph.codedValue(system, first.code(), title(first), null));
            statement.addProperty(Vocab.spProperty("startDate"), date(first(facts)));
            statements.put(statement, facts);
        }
        return statements;
    }

    private Map<String, List<WarehousePatient.Fact>> byCode(String prefix) {
        Map<String, List<WarehousePatient.Fact>> byCode = new TreeMap<>();
        for (WarehousePatient.Fact f : patient.facts()) {
            if (f.conceptCd().startsWith(prefix) && f.code().length() > 0) {
                byCode.computeIfAbsent(f.conceptCd(), k -> new ArrayList<>()).add(f);
            }
        }
        return byCode;
    }

    private static LocalDateTime first(List<WarehousePatient.Fact> facts) {
        return facts.stream().map(WarehousePatient.Fact::startDate).min(LocalDateTime::compareTo).orElseThrow();
    }

    /** The concept's name, or its code when concept_dimension has no name for it. */
    private String title(WarehousePatient.Fact f) {
        return names.getOrDefault(f.conceptCd(), f.conceptCd());
    }

    private static Resource vcardClass(String localName) {
        return ResourceFactory.createResource(Vocab.VCARD + localName);
    }
}
