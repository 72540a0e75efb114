package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.engine.query.spark.SetResolver;

/**
 * The concept tree of the 60 sample patients: its nodes are the ontology's paths and their folders, and each node's
 * count is the engine's count of a one-item query on that path, protected for roles without exact counts.
 */
class ConceptTreeTest {

    private static ConceptTree tree;
    private static ConceptTree.Counts exact;

    @BeforeAll
    static void build() {
        tree = SharedSpark.engine().conceptTree(SampleStore.snapshot());
        exact = tree.counts(PrivacySettings.defaults().protectionFor(Set.of("DATA_AGG")));
    }

    @Test
    void theTopLevelIsTheSmartFolderAndItsChildrenAreTheStatementFolders() {
        List<ConceptTree.Node> roots = tree.roots(exact);
        assertEquals(List.of("\\SMART\\"), roots.stream().map(ConceptTree.Node::path).toList());
        assertTrue(roots.get(0).hasChildren());
        List<ConceptTree.Node> children = tree.children("\\SMART\\", exact).orElseThrow();
        assertTrue(children.stream().anyMatch(n -> n.path().equals("\\SMART\\Medications\\")), children.toString());
        ConceptTree.Node leaf = leafBelow("\\SMART\\Medications\\");
        assertFalse(leaf.hasChildren());
        assertTrue(leaf.code().startsWith("RXNORM:"), leaf.toString());
        assertEquals(List.of(), tree.children(leaf.path(), exact).orElseThrow());
        assertTrue(tree.children("\\SMART\\No such folder\\", exact).isEmpty());
    }

    @Test
    void everyCountEqualsTheEnginesCountOfAOneItemQueryOnThatPath() {
        PatientSetPlanner planner = new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot());
        List<ConceptTree.Node> checked = new ArrayList<>(tree.children("\\SMART\\", exact).orElseThrow());
        checked.add(leafBelow("\\SMART\\Medications\\"));
        checked.add(leafBelow("\\SMART\\Lab results\\"));
        for (ConceptTree.Node node : checked) {
            long engine = planner.patients(QueryJson.read("{\"panels\": [{\"items\": [{\"key\": \""
                    + ("\\\\i2b2" + node.path()).replace("\\", "\\\\") + "\"}]}]}")).count();
            assertEquals(engine, node.patients().value(), node.path());
            assertEquals("EXACT", node.patients().method());
        }
        assertTrue(checked.stream().anyMatch(n -> n.patients().value() > 10), "the sample data reaches some nodes");
    }

    @Test
    void theDemographicFoldersAndTermsAreNodesCountedAsTheirOneItemQueries() {
        assertTrue(tree.children("\\SMART\\", exact).orElseThrow().stream()
                .anyMatch(n -> n.path().equals("\\SMART\\Demographics\\") && n.code() == null && n.hasChildren()));
        assertEquals(List.of("Age", "Gender", "Race", "Vital status"), tree.children("\\SMART\\Demographics\\",
                exact).orElseThrow().stream().map(ConceptTree.Node::name).toList());
        assertEquals(List.of("DEM|RACE:asian", "DEM|RACE:black", "DEM|RACE:white"), tree.children(
                "\\SMART\\Demographics\\Race\\", exact).orElseThrow().stream().map(ConceptTree.Node::code).toList());
        PatientSetPlanner planner = new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot(),
                SetResolver.NONE, SharedSpark.engine()::ageAsOf);
        List<ConceptTree.Node> checked = new ArrayList<>();
        checked.add(tree.search("Demographics", 1, exact).get(0));
        for (ConceptTree.Node folder : tree.children("\\SMART\\Demographics\\", exact).orElseThrow()) {
            assertNull(folder.code(), folder.path());
            checked.add(folder);
            checked.addAll(tree.children(folder.path(), exact).orElseThrow());
        }
        assertEquals(5 + 3 + 9 + 2 + 3, checked.size());
        for (ConceptTree.Node node : checked) {
            long engine = planner.patients(QueryJson.read("{\"panels\": [{\"items\": [{\"key\": \""
                    + ("\\\\i2b2" + node.path()).replace("\\", "\\\\") + "\"}]}]}")).count();
            assertEquals(engine, node.patients().value(), node.path());
        }
        assertTrue(checked.stream().filter(n -> n.patients().value() > 0).count() >= checked.size() - 4,
                "the sample data reaches most terms");
        ConceptTree.Node female = tree.search("female", 50, exact).stream().filter(n -> n.code() != null
                && n.code().startsWith("DEM|")).findFirst().orElseThrow();
        assertEquals(new ConceptTree.Node("Female", "\\SMART\\Demographics\\Gender\\Female\\", "DEM|SEX:F", false,
                female.patients()), female);
        assertEquals("DEM|AGE:>=85", tree.search(">= 85 years", 5, exact).get(0).code());
    }

    @Test
    void rolesWithoutExactCountsSeeSmallCountsSuppressedAndTheSameNoiseEveryTime() {
        ConceptTree.Counts obfuscated = tree.counts(PrivacySettings.defaults().protectionFor(Set.of("USER"),
                new Random(7)));
        ConceptTree.Node small = tree.search("RXNORM:", 500, exact).stream()
                .filter(n -> n.patients().value() >= 1 && n.patients().value() <= 3).findFirst().orElseThrow();
        ReportedCount hidden = tree.search(small.code(), 1, obfuscated).get(0).patients();
        assertEquals(new ReportedCount(0, "0", true, "OBSUBTOTAL"), hidden);
        List<ConceptTree.Node> first = tree.children("\\SMART\\", obfuscated).orElseThrow();
        List<ConceptTree.Node> again = tree.children("\\SMART\\", obfuscated).orElseThrow();
        assertNotSame(first, again);
        for (int i = 0; i < first.size(); i++) {
            assertEquals("OBSUBTOTAL", first.get(i).patients().method());
            assertSame(first.get(i).patients(), again.get(i).patients(), "noise drawn once: no averaging it away");
        }
    }

    @Test
    void searchMatchesNameOrCodeIgnoringCaseUpToTheLimit() {
        List<ConceptTree.Node> glucose = tree.search("gLuCoSe", 50, exact);
        assertFalse(glucose.isEmpty());
        glucose.forEach(n -> assertTrue(n.name().toLowerCase(Locale.ROOT).contains("glucose")
                || n.code() != null && n.code().toLowerCase(Locale.ROOT).contains("glucose"), n.toString()));
        assertEquals(3, tree.search("rxnorm:", 3, exact).size());
        assertEquals(List.of(), tree.search("no concept is called this", 50, exact));
        ConceptTree.Node folder = tree.search("medications", 50, exact).stream()
                .filter(n -> n.path().equals("\\SMART\\Medications\\")).findFirst().orElseThrow();
        assertEquals("Medications", folder.name());
        assertNull(folder.code(), "folders have no code");
    }

    @Test
    void onlyBackslashDelimitedPathsAreWellFormed() {
        assertTrue(ConceptTree.wellFormed("\\SMART\\Medications\\"));
        for (String bad : new String[] {"", "\\", "SMART\\", "\\SMART", "\\SMART\\\\x\\", "\\a\nb\\",
                "\\" + "x".repeat(ConceptTree.MAX_PATH) + "\\"}) {
            assertFalse(ConceptTree.wellFormed(bad), bad);
        }
    }

    private static ConceptTree.Node leafBelow(String folder) {
        ConceptTree.Node node = tree.children(folder, exact).orElseThrow().get(0);
        while (node.hasChildren()) {
            node = tree.children(node.path(), exact).orElseThrow().get(0);
        }
        return node;
    }
}
