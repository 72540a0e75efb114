package org.smartcc.api.interfaces.rest;

import java.util.List;
import org.smartcc.engine.ConceptTree;

/**
 * Concepts as i2b2's ontology cell writes them. Each key is {@code \\i2b2} followed by the node's concept path: the
 * item key the cohort builder writes too, which the engine resolves (concept paths, and the demographic terms under
 * {@code \SMART\Demographics\}). A node with children is a folder ({@code FA}), any other a leaf ({@code LA}); the
 * table, column and operator say how i2b2 would select the facts of a path (the engine resolves the key itself).
 */
final class I2b2Concepts {

    /** The table code of every key: the cohort builder's and the engine's documented one. */
    static final String TABLE_CD = "i2b2";

    private I2b2Concepts() {
    }

    /** A DONE answer listing the nodes, in order. */
    static String concepts(List<ConceptTree.Node> nodes) {
        StringBuilder b = new StringBuilder("<ns6:concepts xmlns:ns6=\"http://www.i2b2.org/xsd/cell/ont/1.1/\">");
        nodes.forEach(node -> concept(b, node));
        return I2b2Messages.cellDone(b.append("</ns6:concepts>").toString());
    }

    private static void concept(StringBuilder b, ConceptTree.Node node) {
        String path = node.path();
        String[] segments = path.substring(1, path.length() - 1).split("\\\\");
        b.append("<concept><level>").append(segments.length).append("</level><key>")
                .append(I2b2Messages.escape("\\\\" + TABLE_CD + path)).append("</key><name>")
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
