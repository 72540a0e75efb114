package org.smartcc.engine.synthetic;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.smartcc.engine.synthetic.CodeCatalogue.Lab;
import org.smartcc.engine.synthetic.CodeCatalogue.Medication;
import org.smartcc.engine.synthetic.CodeCatalogue.TextLab;
import org.smartcc.engine.synthetic.CodeCatalogue.Vital;
import org.smartcc.engine.synthetic.SyntheticPatient.Visit;

/**
 * Writes a patient's facts as the SMART loader would for real statements (docs/data-model.md): one statement fact
 * {@code SMART:<Type>} (valtype B, the statement id in tval_char) and its coded facts with the same instance_num,
 * date and visit. Chronic problems are drawn once and raise the labs and blood pressure that go with them, so that
 * cohort criteria correlate as in real data.
 *
 * <p>For SMART records ({@code --smart-records}) the statement facts carry a UUID as statement id and, when
 * {@code blobs} is set (the database load; the Parquet snapshot has no blob column), the statement's RDF in
 * {@code observation_blob}, a 18th column. The RDF's own chance (names, allergic reactions) comes from a stream of its
 * own, so the facts are the same rows with or without it.
 */
final class FactWriter {

    private static final String NONE = "@";
    /** Columns of a fact row: those of {@link SyntheticSchema}'s observation_fact, then observation_blob. */
    static final int COLUMNS = 17;
    static final int COLUMNS_WITH_BLOB = 18;

    private final CodeCatalogue catalogue;
    private final SplittableRandom r;
    private final SyntheticPatient patient;
    private final Consumer<Object[]> out;
    private final SmartRecordRdf rdf;
    private final boolean blobs;
    private final SplittableRandom rdfRandom;
    private final Set<String> chronicProblems = new LinkedHashSet<>();
    private final List<Medication> regularMedications = new ArrayList<>();
    private final double bmi;
    private final double bloodPressureOffset;
    private int instanceNum;
    private long written;

    /**
     * @param rdf       the patient's SMART record RDF, or null when the patient is no SMART record
     * @param blobs     whether statement facts carry their RDF (needs {@code rdf})
     * @param rdfRandom the stream the RDF draws from (names, reactions); unused without blobs
     */
    FactWriter(CodeCatalogue catalogue, SplittableRandom random, SyntheticPatient patient, Consumer<Object[]> out,
               SmartRecordRdf rdf, boolean blobs, SplittableRandom rdfRandom) {
        this.catalogue = catalogue;
        this.r = random;
        this.patient = patient;
        this.out = out;
        this.rdf = rdf;
        this.blobs = blobs && rdf != null;
        this.rdfRandom = rdfRandom;
        int age = (int) ChronoUnit.YEARS.between(patient.birthDate(), SyntheticPatient.AS_OF);
        int problems = (int) Math.round(age / 20.0 * r.nextDouble() * 2);
        for (int i = 0; i < problems; i++) {
            chronicProblems.add(catalogue.problems.draw(r));
        }
        for (int i = 0; i < problems; i++) {
            regularMedications.add(catalogue.medications.draw(r));
        }
        bmi = age < 18 ? 17.5 + r.nextGaussian() * 2.5 : Math.max(16, Math.min(55, 27.5 + r.nextGaussian() * 5.5));
        bloodPressureOffset = r.nextGaussian() * 8 + (hasHypertension() ? 18 : 0);
    }

    /** Writes every fact; returns the number of statements. */
    int write(List<Visit> visits) {
        double budget = visits.get(0).patientBudget();
        for (int v = 0; v < visits.size(); v++) {
            Visit visit = visits.get(v);
            encounter(visit);
            if (v == 0) {
                firstVisit(visit);
            }
            if (visit.type().equals("inpatient") || r.nextDouble() < 0.85) {
                vitalSigns(visit);
            }
            double target = budget * (v + 1) / visits.size();
            while (written < target) {
                double kind = r.nextDouble();
                if (kind < 0.72) {
                    labPanel(visit, catalogue.panels.draw(r));
                } else if (kind < 0.86) {
                    medication(visit);
                } else if (kind < 0.94) {
                    coded(visit, "Problem", catalogue.problems.draw(r));
                } else if (kind < 0.97) {
                    coded(visit, "Procedure", catalogue.procedures.draw(r));
                } else {
                    coded(visit, "Immunization", catalogue.vaccines.draw(r));
                }
            }
        }
        return instanceNum;
    }

    private void firstVisit(Visit visit) {
        int demographics = ++instanceNum;
        String id = id("Demographics", demographics);
        statement(visit, "Demographics", demographics, id,
                () -> rdf.demographics(id, patient.patientRow(), rdfRandom));
        coded(visit, "SocialHistory", catalogue.smokingStatus.draw(r));
        if (r.nextDouble() < 0.25) {
            coded(visit, "Allergy", catalogue.allergens.draw(r));
        } else {
            coded(visit, "AllergyExclusion", "SNOMED:160244002");
        }
        for (String problem : chronicProblems) {
            coded(visit, "Problem", problem);
        }
    }

    private void encounter(Visit visit) {
        int instance = ++instanceNum;
        String id = rdf == null ? id("Encounter", instance) : encounterId(visit);
        statement(visit, "Encounter", instance, id, () -> rdf.encounter(id, visit));
        emit(visit, "EncounterType:" + visit.type(), instance, NONE, null, null, null, null, visit.end());
    }

    /** An encounter's id does not depend on its instance number, so that encounter_mapping can name it. */
    private String encounterId(Visit visit) {
        return rdf.statementId("Encounter", visit.encounterNum());
    }

    private void vitalSigns(Visit visit) {
        int instance = ++instanceNum;
        String id = id("VitalSignSet", instance);
        double age = ChronoUnit.DAYS.between(patient.birthDate(), visit.start().toLocalDateTime().toLocalDate())
                / 365.25;
        double height = age >= 18 ? (patient.sex() == 'F' ? 163 : 176) + r.nextGaussian() * 2
                : 50 + Math.min(age, 18) * (patient.sex() == 'F' ? 6.3 : 6.8) + r.nextGaussian() * 3;
        double bmiToday = bmi + r.nextGaussian() * 0.6;
        double weight = bmiToday * height * height / 10_000;
        List<Vital> vitals = catalogue.vitalList;
        BigDecimal[] values = new BigDecimal[vitals.size()];
        for (int i = 0; i < values.length; i++) {
            Vital vital = vitals.get(i);
            double value = switch (vital.conceptCode()) {
                case "LOINC:8302-2" -> height;
                case "LOINC:3141-9" -> weight;
                case "LOINC:39156-5" -> bmiToday;
                case "LOINC:8480-6" -> vital.mean() + bloodPressureOffset + r.nextGaussian() * vital.sd();
                case "LOINC:8462-4" -> vital.mean() + bloodPressureOffset / 2 + r.nextGaussian() * vital.sd();
                default -> vital.mean() + r.nextGaussian() * vital.sd();
            };
            values[i] = SyntheticPatient.decimal(value, vital.decimals());
        }
        statement(visit, "VitalSignSet", instance, id, () -> rdf.vitalSigns(id, visit, encounterId(visit), vitals,
                values));
        for (int i = 0; i < values.length; i++) {
            emit(visit, vitals.get(i).conceptCode(), instance, "N", "E", values[i], null, vitals.get(i).unit(), null);
        }
    }

    /** One LabResult statement per test of the panel, flagged H or L outside the reference range (A for text). */
    private void labPanel(Visit visit, String panel) {
        for (Lab lab : catalogue.labsByPanel.getOrDefault(panel, List.of())) {
            double mean = lab.raisedBy() != null && chronicProblems.contains(lab.raisedBy())
                    ? lab.mean() + 2.5 * lab.sd() : lab.mean();
            double value = Math.max(0, mean + r.nextGaussian() * lab.sd());
            BigDecimal number = SyntheticPatient.decimal(value, lab.decimals());
            double rounded = number.doubleValue();
            String flag = rounded > lab.high() ? "H" : rounded < lab.low() ? "L" : null;
            int instance = ++instanceNum;
            String id = id("LabResult", instance);
            statement(visit, "LabResult", instance, id, () -> rdf.labResult(id, visit, lab, number, flag != null));
            emit(visit, lab.conceptCode(), instance, "N", "E", number, flag, lab.unit(), null);
        }
        for (TextLab lab : catalogue.textLabsByPanel.getOrDefault(panel, List.of())) {
            boolean abnormal = r.nextDouble() < lab.abnormalShare();
            String text = abnormal ? lab.abnormal() : lab.normal();
            int instance = ++instanceNum;
            String id = id("LabResult", instance);
            statement(visit, "LabResult", instance, id, () -> rdf.textLabResult(id, visit, lab, text, abnormal));
            emit(visit, lab.conceptCode(), instance, "T", text, null, abnormal ? "A" : null, null, null);
        }
    }

    /** A prescription (quantity per dose, 30 to 365 days) and its first fulfillment. */
    private void medication(Visit visit) {
        Medication med = !regularMedications.isEmpty() && r.nextDouble() < 0.7
                ? regularMedications.get(r.nextInt(regularMedications.size())) : catalogue.medications.draw(r);
        int days = 30 + r.nextInt(336);
        Timestamp end = Timestamp.valueOf(visit.start().toLocalDateTime().plusDays(days));
        int instance = ++instanceNum;
        String id = id("Medication", instance);
        String fulfillmentId = id("Fulfillment", instance + 1);
        statement(visit, "Medication", instance, id, () -> rdf.medication(id, fulfillmentId, visit, med, end));
        emit(visit, med.conceptCode(), instance, "N", "E", SyntheticPatient.decimal(med.quantity(), 0), null,
                med.unit(), end);
        int fulfillment = ++instanceNum;
        statement(visit, "Fulfillment", fulfillment, fulfillmentId, () -> rdf.fulfillment(fulfillmentId, id, visit,
                med, days));
    }

    private void coded(Visit visit, String type, String conceptCode) {
        int instance = ++instanceNum;
        String id = id(type, instance);
        statement(visit, type, instance, id, () -> type.equals("Allergy")
                ? rdf.allergy(id, visit, conceptCode, rdfRandom) : rdf.coded(type, id, visit, conceptCode));
        emit(visit, conceptCode, instance, NONE, null, null, null, null, null);
    }

    /** A statement's id: {@code patient_num-instance}, or for a SMART record the UUID its URI ends with. */
    private String id(String type, int instance) {
        return rdf == null ? patient.patientNum() + "-" + instance : rdf.statementId(type, instance);
    }

    /** The statement fact, with its RDF when blobs are written; its coded facts share its instance_num. */
    private void statement(Visit visit, String type, int instance, String id, Supplier<String> blob) {
        Object[] row = row(visit, "SMART:" + type, instance, "B", id, null, null, null, null);
        if (blobs) {
            row[COLUMNS] = blob.get();
        }
        out.accept(row);
    }

    private void emit(Visit visit, String conceptCode, int instance, String valueType, String text,
                      BigDecimal number, String flag, String units, Timestamp end) {
        out.accept(row(visit, conceptCode, instance, valueType, text, number, flag, units, end));
    }

    private Object[] row(Visit visit, String conceptCode, int instance, String valueType, String text,
                         BigDecimal number, String flag, String units, Timestamp end) {
        written++;
        Object[] row = new Object[blobs ? COLUMNS_WITH_BLOB : COLUMNS];
        row[0] = visit.encounterNum();
        row[1] = patient.patientNum();
        row[2] = conceptCode;
        row[3] = NONE;
        row[4] = visit.start();
        row[5] = NONE;
        row[6] = instance;
        row[7] = valueType;
        row[8] = text;
        row[9] = number;
        row[10] = flag;
        row[12] = units;
        row[13] = end;
        row[16] = SyntheticPatient.SOURCE;
        return row;
    }

    private boolean hasHypertension() {
        return chronicProblems.contains("SNOMED:38341003") || chronicProblems.contains("SNOMED:1201005");
    }
}
