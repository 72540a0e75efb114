package org.smartcc.engine.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The demographic terms of one snapshot under {@value #ROOT} (docs/cohort-ui.md, "Demographic criteria"): gender,
 * age group as of a date, vital status, and one term per race code the snapshot holds. An item key at or below a
 * folder selects the union of the terms below it, as an i2b2 folder does.
 */
public final class DemographicTerms {

    /** Where the terms live; an item key below it names a term or folder here, never a concept. */
    public static final String ROOT = "\\SMART\\Demographics\\";

    private static final String GENDER = ROOT + "Gender\\";
    private static final String AGE = ROOT + "Age\\";
    private static final String VITAL = ROOT + "Vital status\\";
    private static final String RACE = ROOT + "Race\\";

    /** i2b2's demographic age groups (lowest, highest age; -1 for none), as the age breakdown uses them. */
    private static final int[][] AGE_GROUPS = {{0, 9}, {10, 17}, {18, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 74},
        {75, 84}, {85, -1}};

    private final Map<String, String> folders;
    private final List<PatientColumnTerm> terms;

    private DemographicTerms(Map<String, String> folders, List<PatientColumnTerm> terms) {
        this.folders = folders;
        this.terms = terms;
    }

    /**
     * The terms for a snapshot whose {@code race_cd} column holds {@code raceCodes}. A race code that cannot be a
     * path segment (blank, a backslash, a control character, too long) gets no term: the race breakdown still shows it.
     */
    public static DemographicTerms of(Collection<String> raceCodes) {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put(ROOT, "Demographics");
        folders.put(GENDER, "Gender");
        folders.put(AGE, "Age");
        folders.put(VITAL, "Vital status");
        folders.put(RACE, "Race");
        List<PatientColumnTerm> terms = new ArrayList<>();
        terms.add(code(GENDER + "Female\\", "Female", "DEM|SEX:F", PatientColumn.SEX_CD, "F"));
        terms.add(code(GENDER + "Male\\", "Male", "DEM|SEX:M", PatientColumn.SEX_CD, "M"));
        terms.add(code(GENDER + "Unknown\\", "Unknown", "DEM|SEX:U", PatientColumn.SEX_CD, "U"));
        for (int[] group : AGE_GROUPS) {
            String low = String.valueOf(group[0]);
            if (group[1] < 0) {
                String name = ">= " + low + " years old";
                terms.add(new PatientColumnTerm(AGE + name + "\\", name, "DEM|AGE:>=" + low, PatientColumn.BIRTH_DATE,
                        PatientColumnTerm.Operator.GE, List.of(low)));
            } else {
                String range = low + "-" + group[1];
                String name = range + " years old";
                terms.add(new PatientColumnTerm(AGE + name + "\\", name, "DEM|AGE:" + range, PatientColumn.BIRTH_DATE,
                        PatientColumnTerm.Operator.BETWEEN, List.of(low, String.valueOf(group[1]))));
            }
        }
        // the loader writes Y when a death date is known and N otherwise (docs/data-model.md): N is every living one
        terms.add(code(VITAL + "Living\\", "Living", "DEM|VITAL:N", PatientColumn.VITAL_STATUS_CD, "N"));
        terms.add(code(VITAL + "Deceased\\", "Deceased", "DEM|VITAL:Y", PatientColumn.VITAL_STATUS_CD, "Y"));
        for (String race : new TreeSet<>(raceCodes.stream().filter(Objects::nonNull).toList())) {
            if (!race.isBlank() && race.indexOf('\\') < 0 && PatientColumnTerm.isPath(RACE + race + "\\")) {
                terms.add(code(RACE + race + "\\", race, "DEM|RACE:" + race, PatientColumn.RACE_CD, race));
            }
        }
        return new DemographicTerms(Map.copyOf(folders), List.copyOf(terms));
    }

    private static PatientColumnTerm code(String path, String name, String code, PatientColumn column, String value) {
        return new PatientColumnTerm(path, name, code, column, PatientColumnTerm.Operator.EQ, List.of(value));
    }

    /** Whether {@code path} lies in the demographic area (then it is no concept path, known term or not). */
    public static boolean covers(String path) {
        return path.startsWith(ROOT);
    }

    /** Every term: the leaves of the demographic folders. */
    public List<PatientColumnTerm> terms() {
        return terms;
    }

    /** The folders' paths and names, {@value #ROOT} included. */
    public Map<String, String> folders() {
        return folders;
    }

    /** The terms at or below {@code path}: one for a term's own path, all of a folder's; none for an unknown path. */
    public List<PatientColumnTerm> at(String path) {
        String folder = path.endsWith("\\") ? path : path + "\\"; // whole segments: Age\1 is not Age\10-17\
        return terms.stream().filter(t -> t.isAtOrBelow(folder)).toList();
    }
}
