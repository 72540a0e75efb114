package org.smartcc.api.infrastructure.population;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;

/**
 * One record's rows of a collection's tabular projection: one row per statement of the collection's class in the
 * record's model (the statements it links to, such as a medication's fulfillments, are not rows), in statement URI
 * order, each row as many strings as {@link TabularColumns#names()}, null where the statement has no value.
 */
public final class TabularRows {

    private TabularRows() {
    }

    public static List<String[]> of(TabularColumns columns, String recordId, Model statements) {
        Resource type = statements.createResource(columns.statementClass().getURI());
        List<Resource> subjects = new ArrayList<>(statements.listSubjectsWithProperty(RDF.type, type).toList());
        subjects.sort(Comparator.comparing(s -> s.isURIResource() ? s.getURI() : ""));
        List<String[]> rows = new ArrayList<>(subjects.size());
        int width = columns.names().size();
        for (Resource statement : subjects) {
            String[] row = new String[width];
            row[0] = recordId;
            row[1] = statement.isURIResource() ? statement.getURI() : null;
            int at = 2;
            for (TabularField field : columns.fields()) {
                String[] values = field.values(statement);
                System.arraycopy(values, 0, row, at, values.length);
                at += values.length;
            }
            rows.add(row);
        }
        return rows;
    }
}
