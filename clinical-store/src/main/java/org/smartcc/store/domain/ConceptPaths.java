package org.smartcc.store.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds i2b2 concept paths ({@code \SMART\Medications\AMOXICILLIN\Amoxicillin 250 MG [RXNORM:308182]\}) with every
 * folder on the way, so that a query on a folder finds the concepts below it.
 */
public final class ConceptPaths {

    public static final String ROOT = "\\SMART\\";

    private ConceptPaths() {
    }

    /** The concept itself and all its folders, root first. The leaf's name is its title; its segment adds the code. */
    public static List<Concept> withFolders(String code, String title, String... folders) {
        List<Concept> concepts = new ArrayList<>();
        StringBuilder path = new StringBuilder(ROOT);
        concepts.add(new Concept(path.toString(), null, "SMART"));
        for (String folder : folders) {
            path.append(segment(folder)).append('\\');
            concepts.add(new Concept(path.toString(), null, folder));
        }
        String name = title == null || title.isBlank() ? code : title.trim();
        path.append(segment(name + " [" + code + "]")).append('\\');
        concepts.add(new Concept(path.toString(), code, name));
        return concepts;
    }

    /** Path segments cannot hold a backslash (the separator); long titles are cut so the path fits its column. */
    static String segment(String name) {
        String clean = name.replace('\\', '/').replaceAll("\\s+", " ").trim();
        return clean.length() > 120 ? clean.substring(0, 120) : clean;
    }

    /**
     * The ingredient part of an RxNorm drug name: the words before the first one that starts with a digit
     * ({@code AMITRIPTYLINE HCL 50 MG TAB} gives {@code AMITRIPTYLINE HCL}), upper-cased so that spellings meet.
     */
    public static String ingredientOf(String drugTitle) {
        if (drugTitle == null || drugTitle.isBlank()) {
            return "Other";
        }
        List<String> words = new ArrayList<>();
        for (String w : drugTitle.trim().split("\\s+")) {
            if (!words.isEmpty() && (Character.isDigit(w.charAt(0)) || w.startsWith("("))) {
                break;
            }
            words.add(w);
        }
        return String.join(" ", words).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The specimen of a LOINC short name ({@code Glucose SerPl-mCnc} gives {@code Serum or plasma}), which stands in
     * for the LOINC class as the first level of the lab hierarchy.
     */
    public static String specimenOf(String loincShortName) {
        if (loincShortName == null) {
            return "Other specimens";
        }
        String n = " " + loincShortName + " ";
        if (n.contains(" SerPl") || n.contains(" Ser ") || n.contains(" Plas") || n.contains(" Ser/Plas")) {
            return "Serum or plasma";
        }
        if (n.contains(" Bld") || n.contains(" BldV") || n.contains(" BldA") || n.contains(" BldC")) {
            return "Blood";
        }
        if (n.contains(" Ur") || n.contains(" UrnS")) {
            return "Urine";
        }
        return "Other specimens";
    }
}
