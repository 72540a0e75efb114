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
 */
final class FactWriter {

    private static final String NONE = "@";

    private final CodeCatalogue catalogue;
    private final SplittableRandom r;
    private final SyntheticPatient patient;
    private final Consumer<Object[]> out;
    private final Set<String> chronicProblems = new LinkedHashSet<>();
    private final List<Medication> regularMedications = new ArrayList<>();
    private final double bmi;
    private final double bloodPressureOffset;
    private int instanceNum;
    private long written;

    FactWriter(CodeCatalogue catalogue, SplittableRandom random, SyntheticPatient patient, Consumer<Object[]> out) {
        this.catalogue = catalogue;
        this.r = random;
        this.patient = patient;
        this.out = out;
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

    void write(List<Visit> visits) {
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
    }

    private void firstVisit(Visit visit) {
        statement(visit, "Demographics");
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
        int instance = statement(visit, "Encounter");
        emit(visit, "EncounterType:" + visit.type(), instance, NONE, null, null, null, null, visit.end());
    }

    private void vitalSigns(Visit visit) {
        int instance = statement(visit, "VitalSignSet");
        double age = ChronoUnit.DAYS.between(patient.birthDate(), visit.start().toLocalDateTime().toLocalDate())
                / 365.25;
        double height = age >= 18 ? (patient.sex() == 'F' ? 163 : 176) + r.nextGaussian() * 2
                : 50 + Math.min(age, 18) * (patient.sex() == 'F' ? 6.3 : 6.8) + r.nextGaussian() * 3;
        double bmiToday = bmi + r.nextGaussian() * 0.6;
        double weight = bmiToday * height * height / 10_000;
        for (Vital vital : catalogue.vitals.values()) {
            double value = switch (vital.conceptCode()) {
                case "LOINC:8302-2" -> height;
                case "LOINC:3141-9" -> weight;
                case "LOINC:39156-5" -> bmiToday;
                case "LOINC:8480-6" -> vital.mean() + bloodPressureOffset + r.nextGaussian() * vital.sd();
                case "LOINC:8462-4" -> vital.mean() + bloodPressureOffset / 2 + r.nextGaussian() * vital.sd();
                default -> vital.mean() + r.nextGaussian() * vital.sd();
            };
            emit(visit, vital.conceptCode(), instance, "N", "E", SyntheticPatient.decimal(value, vital.decimals()),
                    null, vital.unit(), null);
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
            int instance = statement(visit, "LabResult");
            emit(visit, lab.conceptCode(), instance, "N", "E", number, flag, lab.unit(), null);
        }
        for (TextLab lab : catalogue.textLabsByPanel.getOrDefault(panel, List.of())) {
            boolean abnormal = r.nextDouble() < lab.abnormalShare();
            int instance = statement(visit, "LabResult");
            emit(visit, lab.conceptCode(), instance, "T", abnormal ? lab.abnormal() : lab.normal(), null,
                    abnormal ? "A" : null, null, null);
        }
    }

    /** A prescription (quantity per dose, 30 to 365 days) and its first fulfillment. */
    private void medication(Visit visit) {
        Medication med = !regularMedications.isEmpty() && r.nextDouble() < 0.7
                ? regularMedications.get(r.nextInt(regularMedications.size())) : catalogue.medications.draw(r);
        Timestamp end = Timestamp.valueOf(visit.start().toLocalDateTime().plusDays(30 + r.nextInt(336)));
        int instance = statement(visit, "Medication");
        emit(visit, med.conceptCode(), instance, "N", "E", SyntheticPatient.decimal(med.quantity(), 0), null,
                med.unit(), end);
        statement(visit, "Fulfillment");
    }

    private void coded(Visit visit, String type, String conceptCode) {
        int instance = statement(visit, type);
        emit(visit, conceptCode, instance, NONE, null, null, null, null, null);
    }

    /** The statement fact; returns the instance_num its coded facts share. */
    private int statement(Visit visit, String type) {
        int instance = ++instanceNum;
        emit(visit, "SMART:" + type, instance, "B", patient.patientNum() + "-" + instance, null, null, null, null);
        return instance;
    }

    private void emit(Visit visit, String conceptCode, int instance, String valueType, String text,
                      BigDecimal number, String flag, String units, Timestamp end) {
        written++;
        out.accept(new Object[] {visit.encounterNum(), patient.patientNum(), conceptCode, NONE, visit.start(), NONE,
            instance, valueType, text, number, flag, null, units, end, null, null, SyntheticPatient.SOURCE});
    }

    private boolean hasHypertension() {
        return chronicProblems.contains("SNOMED:38341003") || chronicProblems.contains("SNOMED:1201005");
    }
}
