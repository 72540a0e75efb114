package org.smartcc.api.interfaces.rest;

import java.util.Comparator;
import java.util.List;
import org.smartcc.engine.ConceptTree;

/**
 * Concepts as i2b2's ontology cell writes them. Each key is {@code \\TABLE_CD} followed by the node's concept path,
 * an item key the engine resolves: on an i2b2 warehouse {@code TABLE_CD} is the code of the {@code table_access}
 * category the path lies in (the longest category path it starts with), so that the engine reads the term's ontology
 * row; elsewhere, and outside every category, {@value #TABLE_CD}, the code the cohort builder writes (concept paths,
 * and the demographic terms under {@code \SMART\Demographics\}). A node with children is a folder ({@code FA}), any
 * other a leaf ({@code LA}); the table, column and operator say how i2b2 would select the facts of a concept path.
 */
final class I2b2Concepts {

    /** The table code of a key outside every category: the cohort builder's and the engine's documented one. */
    static final String TABLE_CD = "i2b2";

    private I2b2Concepts() {
    }

    /** A DONE answer listing the nodes, in order, keyed by the categories they lie in. */
    static String concepts(List<ConceptTree.Node> nodes, List<ConceptTree.Category> categories) {
        StringBuilder b = new StringBuilder("<ns6:concepts xmlns:ns6=\"http://www.i2b2.org/xsd/cell/ont/1.1/\">");
        nodes.forEach(node -> concept(b, node, tableCode(node.path(), categories)));
        return I2b2Messages.cellDone(b.append("</ns6:concepts>").toString());
    }

    /** The code of the category with the longest path that {@code path} starts with, or {@value #TABLE_CD}. */
    static String tableCode(String path, List<ConceptTree.Category> categories) {
        return categories.stream().filter(c -> path.startsWith(c.path()))
                .max(Comparator.comparingInt(c -> c.path().length())).map(ConceptTree.Category::tableCode)
                .orElse(TABLE_CD);
    }

    private static void concept(StringBuilder b, ConceptTree.Node node, String tableCode) {
        String path = node.path();
        String[] segments = path.substring(1, path.length() - 1).split("\\\\");
        b.append("<concept><level>").append(segments.length).append("</level><key>")
                .append(I2b2Messages.escape("\\\\" + tableCode + path)).append("</key><name>")
                .append(I2b2Messages.escape(node.name())).append("</name><synonym_cd>N</synonym_cd>")
                .append("<visualattributes>").append(node.hasChildren() ? "FA" : "LA").append("</visualattributes>")
                .append("<totalnum>").append(node.patients().value()).append("</totalnum>");
        if (node.code() != null) {
            b.append("<basecode>").append(I2b2Messages.escape(node.code())).append("</basecode>");
        }
        b.append("<facttablecolumn>concept_cd</facttablecolumn><tablename>concept_dimension</tablename>")
                .append("<columnname>concept_path</columnname><columndatatype>T</columndatatype>")
                .append("<operator>LIKE</operator><dimcode>").append(I2b2Messages.escape(path)).append("</dimcode>")
                .append("<tooltip>").append(I2b2Messages.escape(String.join(" \\ ", segments))).append("</tooltip>")
                .append("</concept>");
    }
}
