package org.smartcc.store.internal.synthea;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.rdf.model.Resource;
import org.smartcc.store.Vocab;
import org.smartcc.store.internal.graph.SmartGraph;

/**
 * Synthea allergies become sp:Allergy statements. SMART gives an allergy one reaction and one severity, Synthea up
 * to two reactions each with a severity: the statement takes the most severe reaction (the first on a tie) and its
 * severity. Category, reaction and severity are left out when the row has none that SMART can express.
 */
final class AllergyStatements {

    /** Synthea's TYPE and CATEGORY, and the spcode:AllergyCategory they make; other pairs have no SMART category. */
    private static final Map<String, String[]> CATEGORIES = Map.of(
            "allergy food", new String[] {"414285001", "Food allergy"},
            "intolerance food", new String[] {"235719002", "Food intolerance"},
            "allergy medication", new String[] {"416098002", "Drug allergy"},
            "intolerance medication", new String[] {"59037007", "Drug intolerance"},
            "allergy environment", new String[] {"426232007", "Environmental allergy"});
    private static final Set<String> TYPES = Set.of("allergy", "intolerance");
    private static final Set<String> KINDS = Set.of("food", "medication", "environment", "biologic");

    /** Synthea's severities, mildest first, as spcode:AllergySeverity codes. */
    private static final List<String[]> SEVERITIES = List.of(
            new String[] {"MILD", "255604002", "Mild"},
            new String[] {"MODERATE", "6736007", "Moderate"},
            new String[] {"SEVERE", "24484000", "Severe"});

    private AllergyStatements() {
    }

    static void add(SmartGraph graph, List<CsvRow> allergies, Function<CsvRow, Resource> encounterOf) {
        for (CsvRow row : allergies) {
            encounterOf.apply(row);
            Resource allergy = graph.statement("Allergy");
            allergy.addProperty(Vocab.spProperty("startDate"), row.requiredDate("START"));
            SmartGraph.literal(allergy, Vocab.spProperty("endDate"), row.date("STOP"));
            allergen(graph, row, allergy);
            category(graph, row, allergy);
            reaction(graph, row, allergy);
        }
    }

    /**
     * An RxNorm allergen is a drug allergen (Synthea's are ingredients, which is the code class SMART asks for).
     * SMART wants UNII codes for other allergens; Synthea gives SNOMED CT substances, which are kept as they are
     * rather than translated without a mapping table.
     */
    private static void allergen(SmartGraph graph, CsvRow row, Resource allergy) {
        String title = row.required("DESCRIPTION");
        String system = row.required("SYSTEM");
        switch (system) {
            case "RxNorm" -> allergy.addProperty(Vocab.spProperty("drugAllergen"), graph.codedValue(SmartGraph.RXNORM,
                    row.code("CODE", CsvRow.DIGITS, "RxNorm"), title, "RxNorm_Ingredient"));
            case "SNOMED-CT" -> allergy.addProperty(Vocab.spProperty("otherAllergen"), graph.codedValue(
                    SmartGraph.SNOMED, row.code("CODE", CsvRow.DIGITS, "SNOMED CT"), title, "SNOMED"));
            default -> throw row.problem("SYNTHEA_VALUE", "SYSTEM '" + system + "' is not RxNorm or SNOMED-CT");
        }
    }

    private static void category(SmartGraph graph, CsvRow row, Resource allergy) {
        String type = row.text("TYPE");
        String kind = row.text("CATEGORY");
        if (type != null && !TYPES.contains(type)) {
            throw row.problem("SYNTHEA_VALUE", "TYPE '" + type + "' is none of " + TYPES);
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw row.problem("SYNTHEA_VALUE", "CATEGORY '" + kind + "' is none of " + KINDS);
        }
        String[] category = CATEGORIES.get(type + " " + kind);
        if (category != null) {
            allergy.addProperty(Vocab.spProperty("category"),
                    graph.codedValue(SmartGraph.SNOMED, category[0], category[1], "AllergyCategory"));
        }
    }

    private static void reaction(SmartGraph graph, CsvRow row, Resource allergy) {
        int chosen = 0;
        int chosenRank = -2;
        for (int n = 1; n <= 2; n++) {
            if (row.text("REACTION" + n) != null && severityRank(row, n) > chosenRank) {
                chosen = n;
                chosenRank = severityRank(row, n);
            }
        }
        if (chosen == 0) {
            return;
        }
        allergy.addProperty(Vocab.spProperty("allergicReaction"), graph.codedValue(SmartGraph.SNOMED,
                row.code("REACTION" + chosen, CsvRow.DIGITS, "SNOMED CT"), row.required("DESCRIPTION" + chosen),
                "SNOMED"));
        if (chosenRank >= 0) {
            String[] severity = SEVERITIES.get(chosenRank);
            allergy.addProperty(Vocab.spProperty("severity"),
                    graph.codedValue(SmartGraph.SNOMED, severity[1], severity[2], "AllergySeverity"));
        }
    }

    /** The index of SEVERITYn in {@link #SEVERITIES}, or -1 when the cell is empty. */
    private static int severityRank(CsvRow row, int n) {
        String severity = row.text("SEVERITY" + n);
        if (severity == null) {
            return -1;
        }
        for (int i = 0; i < SEVERITIES.size(); i++) {
            if (SEVERITIES.get(i)[0].equals(severity)) {
                return i;
            }
        }
        throw row.problem("SYNTHEA_VALUE", "SEVERITY" + n + " '" + severity + "' is none of MILD, MODERATE, SEVERE");
    }
}
