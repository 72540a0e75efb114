package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.ConceptTree;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.i2b2.XmlElements;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The ontology cell on an i2b2 warehouse, over a tree shaped as the snapshot of i2b2's demo data gives it: the
 * categories of its {@code table_access} (named as there, left out when no concept lies below them), keys with the
 * table code of the category a path lies in, and the children of a category. The tree itself is checked on the demo
 * data by cohort-engine's {@code I2b2DemoCountsTest}.
 */
class I2b2OntologyTest {

    /** Part of the demo's table_access, plus a category on a sub-folder (a warehouse may name one). */
    static final List<ConceptTree.Category> CATEGORIES = List.of(
            new ConceptTree.Category("BIRN", "\\BIRN\\", "Clinical Trials", "Clinical Trials"),
            new ConceptTree.Category("ICD10_ICD9", "\\Diagnoses\\", "Diagnoses (ICD10)", "Diagnoses (ICD10)"),
            new ConceptTree.Category("i2b2_DEMO", "\\i2b2\\Demographics\\", "Demographics", "Demographics"),
            new ConceptTree.Category("i2b2_DIAG", "\\i2b2\\Diagnoses\\", "Diagnoses", "Diagnoses"),
            new ConceptTree.Category("i2b2_CIRC", "\\i2b2\\Diagnoses\\Circulatory system (390-459)\\",
                    "Circulatory", "Circulatory"),
            new ConceptTree.Category("i2b2_LABS", "\\i2b2\\Labtests\\", "Laboratory Tests", "Labtests"),
            new ConceptTree.Category("i2b2_VISIT", "\\i2b2\\Visit Details\\", "Visit Details", "Visit Details"),
            new ConceptTree.Category("BROKEN", "no path", "Broken", null));

    /** Children by parent ("" for the roots), as the snapshot's concept_dimension paths make them. */
    static final Map<String, List<ConceptTree.Node>> TREE = tree(
            "", List.of(folder("\\Diagnoses\\", 120), folder("\\i2b2\\", 134), folder("\\SMART\\", 134)),
            "\\Diagnoses\\", List.of(folder("\\Diagnoses\\A00-B99\\", 11)),
            "\\i2b2\\", List.of(folder("\\i2b2\\Demographics\\", 134), folder("\\i2b2\\Diagnoses\\", 131),
                    folder("\\i2b2\\Labtests\\", 97)),
            "\\i2b2\\Diagnoses\\", List.of(folder("\\i2b2\\Diagnoses\\Circulatory system (390-459)\\", 75),
                    folder("\\i2b2\\Diagnoses\\Neoplasms (140-239)\\", 40)),
            "\\i2b2\\Diagnoses\\Circulatory system (390-459)\\", List.of(new ConceptTree.Node("Hypertension",
                    "\\i2b2\\Diagnoses\\Circulatory system (390-459)\\Hypertension\\", "ICD9:401.9", false,
                    count(30))),
            "\\SMART\\", List.of(folder("\\SMART\\Demographics\\", 134)),
            "\\SMART\\Demographics\\", List.of(folder("\\SMART\\Demographics\\Gender\\", 134)));

    private final I2b2Ontology cell = new I2b2Ontology(new I2b2Ontology.Tree() {
        @Override
        public List<ConceptTree.Node> children(Optional<String> parent) {
            List<ConceptTree.Node> children = TREE.get(parent.orElse(""));
            if (children == null) {
                throw new CodedException(ErrorKind.NOT_FOUND, "CONCEPT_NOT_FOUND", "no concept " + parent.get());
            }
            return children;
        }

        @Override
        public List<ConceptTree.Category> categories() {
            return CATEGORIES;
        }

        @Override
        public List<ConceptTree.Node> search(String text, int limit) {
            return TREE.values().stream().flatMap(List::stream).filter(n -> n.name().contains(text)).limit(limit)
                    .toList();
        }
    });

    @Test
    void theCategoriesAreTableAccesssWithConceptsBelowThemKeyedByTheirTableCodes() {
        String answer = cell.answer("getCategories", message("<ns3:get_categories type=\"core\"/>"));

        assertTrue(answer.contains("<status type=\"DONE\">"), answer);
        assertEquals(List.of(
                        "\\\\ICD10_ICD9\\Diagnoses\\ Diagnoses (ICD10) FA 120",
                        "\\\\i2b2_DEMO\\i2b2\\Demographics\\ Demographics FA 134",
                        "\\\\i2b2_DIAG\\i2b2\\Diagnoses\\ Diagnoses FA 131",
                        "\\\\i2b2_CIRC\\i2b2\\Diagnoses\\Circulatory system (390-459)\\ Circulatory FA 75",
                        "\\\\i2b2_LABS\\i2b2\\Labtests\\ Laboratory Tests FA 97"),
                concepts(answer), "no concept below BIRN and Visit Details, and no path in BROKEN: left out");
    }

    @Test
    void childrenOfACategoryCarryTheTableCodeOfTheLongestCategoryTheyLieIn() {
        String diagnoses = cell.answer("getChildren", message("<ns3:get_children blob=\"false\" type=\"core\">"
                + "<parent>\\\\i2b2_DIAG\\i2b2\\Diagnoses\\</parent></ns3:get_children>"));
        assertEquals(List.of(
                "\\\\i2b2_CIRC\\i2b2\\Diagnoses\\Circulatory system (390-459)\\ Circulatory system (390-459) FA 75",
                "\\\\i2b2_DIAG\\i2b2\\Diagnoses\\Neoplasms (140-239)\\ Neoplasms (140-239) FA 40"),
                concepts(diagnoses));

        String circulatory = cell.answer("getChildren", message("<ns3:get_children><parent>\\\\i2b2_CIRC\\i2b2\\"
                + "Diagnoses\\Circulatory system (390-459)\\</parent></ns3:get_children>"));
        assertEquals(List.of("\\\\i2b2_CIRC\\i2b2\\Diagnoses\\Circulatory system (390-459)\\Hypertension\\"
                + " Hypertension LA 30"), concepts(circulatory));
        assertTrue(circulatory.contains("<basecode>ICD9:401.9</basecode>"), circulatory);
    }

    @Test
    void pathsOutsideEveryCategoryKeepTheTableCodeI2b2() {
        String demographics = cell.answer("getChildren", message("<ns3:get_children><parent>\\\\i2b2\\SMART\\"
                + "Demographics\\</parent></ns3:get_children>"));
        assertEquals(List.of("\\\\i2b2\\SMART\\Demographics\\Gender\\ Gender FA 134"), concepts(demographics));

        String term = cell.answer("getTermInfo", message("<ns3:get_term_info><self>\\\\i2b2_LABS\\i2b2\\Labtests\\"
                + "</self></ns3:get_term_info>"));
        assertEquals(List.of("\\\\i2b2_LABS\\i2b2\\Labtests\\ Labtests FA 97"), concepts(term));
    }

    /** Each concept of an answer as "key name visualattributes totalnum". */
    private static List<String> concepts(String answer) {
        List<String> concepts = new ArrayList<>();
        Matcher m = Pattern.compile("<concept><level>\\d+</level><key>([^<]+)</key><name>([^<]+)</name>.*?"
                + "<visualattributes>(\\w+)</visualattributes><totalnum>(\\d+)</totalnum>").matcher(answer);
        while (m.find()) {
            concepts.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        return concepts;
    }

    private static I2b2Inbox.Message message(String body) {
        String xml = "<ns6:request xmlns:ns6=\"http://www.i2b2.org/xsd/hive/msg/1.1/\""
                + " xmlns:ns3=\"http://www.i2b2.org/xsd/cell/ont/1.1/\"><message_header/><message_body>" + body
                + "</message_body></ns6:request>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new I2b2Inbox.Message(new Researcher("demo", Set.of("DATA_AGG")), false, "demouser", "i2b2demo",
                XmlElements.parse(new ByteArrayInputStream(bytes)).getDocumentElement(), bytes);
    }

    private static ConceptTree.Node folder(String path, long patients) {
        String name = path.substring(path.lastIndexOf('\\', path.length() - 2) + 1, path.length() - 1);
        return new ConceptTree.Node(name, path, null, true, count(patients));
    }

    private static ReportedCount count(long patients) {
        return new ReportedCount(patients, Long.toString(patients), false, "EXACT");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<ConceptTree.Node>> tree(Object... parentsAndChildren) {
        Map<String, List<ConceptTree.Node>> tree = new LinkedHashMap<>();
        for (int i = 0; i < parentsAndChildren.length; i += 2) {
            tree.put((String) parentsAndChildren[i], (List<ConceptTree.Node>) parentsAndChildren[i + 1]);
        }
        return tree;
    }
}
