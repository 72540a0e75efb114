package org.smartcc.engine.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcc.store.domain.Concept;
import org.smartcc.store.domain.ConceptPaths;

/**
 * The fixed code catalogue ({@code catalogue.tsv}): real LOINC, RxNorm, SNOMED and CVX codes from the sample data,
 * with units and reference ranges, and their concept rows built by the same {@link ConceptPaths} rules as the SMART
 * loader, so that a query on a folder finds sample and synthetic facts alike.
 */
final class CodeCatalogue {

    /** A quantitative lab test; {@code raisedBy} is the SNOMED problem that shifts its values up (or null). */
    record Lab(String panel, String conceptCode, String unit, double low, double high, double mean, double sd,
               int decimals, String raisedBy) {
    }

    /** A qualitative lab test reported as text. */
    record TextLab(String panel, String conceptCode, String normal, String abnormal, double abnormalShare) {
    }

    record Vital(String conceptCode, String unit, double mean, double sd, int decimals) {
    }

    record Medication(String conceptCode, String unit, int quantity) {
    }

    private static final CodeCatalogue STANDARD = load("catalogue.tsv");

    final Map<String, List<Lab>> labsByPanel = new LinkedHashMap<>();
    final Map<String, List<TextLab>> textLabsByPanel = new LinkedHashMap<>();
    final Map<String, Vital> vitals = new LinkedHashMap<>();
    /** The vital signs in catalogue order, the order a vital sign set's facts come in. */
    final List<Vital> vitalList;
    final WeightedChoice<String> panels;
    final WeightedChoice<Medication> medications;
    final WeightedChoice<String> problems;
    final WeightedChoice<String> procedures;
    final WeightedChoice<String> vaccines;
    final WeightedChoice<String> allergens;
    final WeightedChoice<String> smokingStatus;
    /** Names for the demographics of SMART records (--smart-records): given names by sex, family names. */
    final List<String> givenFemale = new ArrayList<>();
    final List<String> givenMale = new ArrayList<>();
    final List<String> familyNames = new ArrayList<>();
    /** Allergen code to its SMART allergy category: drug, food or environment. */
    final Map<String, String> allergenCategories = new LinkedHashMap<>();
    private final Map<String, Concept> concepts = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, String> vaccineGroups = new LinkedHashMap<>();

    private CodeCatalogue(List<String[]> rows) {
        List<String> panelNames = new ArrayList<>();
        List<Double> panelWeights = new ArrayList<>();
        List<Medication> meds = new ArrayList<>();
        Map<String, List<String>> coded = new LinkedHashMap<>();
        for (String[] r : rows) {
            switch (r[0]) {
                case "PANEL" -> {
                    panelNames.add(r[1]);
                    panelWeights.add(Double.parseDouble(r[2]));
                }
                case "LAB" -> {
                    String code = concept("LOINC:" + r[2], r[3], "Lab results", ConceptPaths.specimenOf(r[3]));
                    labsByPanel.computeIfAbsent(r[1], k -> new ArrayList<>()).add(new Lab(r[1], code,
                            r[4].isEmpty() ? null : r[4], num(r[5]), num(r[6]), num(r[7]), num(r[8]),
                            Integer.parseInt(r[9]), r.length > 10 ? "SNOMED:" + r[10] : null));
                }
                case "QLAB" -> {
                    String code = concept("LOINC:" + r[2], r[3], "Lab results", ConceptPaths.specimenOf(r[3]));
                    textLabsByPanel.computeIfAbsent(r[1], k -> new ArrayList<>())
                            .add(new TextLab(r[1], code, r[4], r[5], num(r[6])));
                }
                case "VITAL" -> {
                    String code = concept("LOINC:" + r[1], r[2], "Vital signs");
                    vitals.put(r[1], new Vital(code, r[3], num(r[4]), num(r[5]), Integer.parseInt(r[8])));
                }
                case "MED" -> meds.add(new Medication(concept("RXNORM:" + r[1], r[2], "Medications",
                        ConceptPaths.ingredientOf(r[2])), r[3], Integer.parseInt(r[4])));
                case "PROBLEM" -> add(coded, r[0], concept("SNOMED:" + r[1], r[2], "Problems"));
                case "PROCEDURE" -> add(coded, r[0], concept("SNOMED:" + r[1], r[2], "Procedures"));
                case "VACCINE" -> {
                    add(coded, r[0], concept("CVX:" + r[1], r[2], "Immunizations", r[3]));
                    vaccineGroups.put("CVX:" + r[1], r[3]);
                }
                case "ALLERGEN" -> {
                    add(coded, r[0], concept("ALLERGEN:" + r[1], r[2], "Allergies", r[3]));
                    allergenCategories.put("ALLERGEN:" + r[1], r[4]);
                }
                case "GIVEN" -> (r[1].equals("F") ? givenFemale : givenMale).add(r[2]);
                case "FAMILY" -> familyNames.add(r[1]);
                case "SMOKING" -> add(coded, r[0],
                        concept("SNOMED:" + r[1], r[2], "Social history", "Smoking status"));
                default -> throw new IllegalStateException("unknown catalogue section " + r[0]);
            }
        }
        for (String type : SyntheticPatient.ENCOUNTER_TYPES) {
            concept("EncounterType:" + type, type + " encounter", "Encounters", "Encounter types");
        }
        for (String type : SyntheticPatient.STATEMENT_TYPES) {
            concept("SMART:" + type, type, "Statement types");
        }
        concept("SNOMED:160244002", "No known allergies", "Allergy exclusions");
        vitalList = List.copyOf(vitals.values());
        double[] weights = panelWeights.stream().mapToDouble(Double::doubleValue).toArray();
        panels = WeightedChoice.of(panelNames, weights);
        medications = WeightedChoice.zipf(meds, 1.0);
        problems = WeightedChoice.zipf(coded.get("PROBLEM"), 1.0);
        procedures = WeightedChoice.zipf(coded.get("PROCEDURE"), 1.0);
        vaccines = WeightedChoice.zipf(coded.get("VACCINE"), 1.2);
        allergens = WeightedChoice.zipf(coded.get("ALLERGEN"), 1.0);
        smokingStatus = WeightedChoice.zipf(coded.get("SMOKING"), 0.7);
    }

    static CodeCatalogue standard() {
        return STANDARD;
    }

    /** Every concept the generator can emit, with all its folders, each path once. */
    Collection<Concept> concepts() {
        return concepts.values();
    }

    /** The title a code's concept was given (the catalogue's title), or null for a code it does not hold. */
    String title(String conceptCode) {
        return titles.get(conceptCode);
    }

    /** The CDC vaccine group of a CVX concept code, e.g. {@code POLIO}; {@code Other vaccines} when it has none. */
    String vaccineGroup(String conceptCode) {
        return vaccineGroups.get(conceptCode);
    }

    private String concept(String code, String title, String... folders) {
        titles.putIfAbsent(code, title);
        for (Concept c : ConceptPaths.withFolders(code, title, folders)) {
            concepts.putIfAbsent(c.path(), c);
        }
        return code;
    }

    private static void add(Map<String, List<String>> coded, String section, String code) {
        coded.computeIfAbsent(section, k -> new ArrayList<>()).add(code);
    }

    private static double num(String text) {
        return Double.parseDouble(text);
    }

    private static CodeCatalogue load(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = CodeCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("code catalogue " + resource + " missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("code catalogue " + resource + " could not be read", e);
        }
        return new CodeCatalogue(rows);
    }
}
