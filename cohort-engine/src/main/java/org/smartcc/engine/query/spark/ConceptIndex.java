package org.smartcc.engine.query.spark;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A dimension's paths and codes held on the driver, sorted by path: the codes below a folder are a range lookup, and
 * the engine filters facts on that literal, sorted code list, so that Parquet skips the row groups of every other
 * concept (the facts are sorted by {@code concept_cd}). Concept and modifier dimensions are small next to the facts.
 */
final class ConceptIndex {

    private final NavigableMap<String, String> codeByPath;

    private ConceptIndex(NavigableMap<String, String> codeByPath) {
        this.codeByPath = codeByPath;
    }

    /** Reads {@code pathColumn} and {@code codeColumn} of the dimension. */
    static ConceptIndex of(Dataset<Row> dimension, String pathColumn, String codeColumn) {
        NavigableMap<String, String> map = new TreeMap<>();
        for (Row row : dimension.select(pathColumn, codeColumn).collectAsList()) {
            if (!row.isNullAt(0) && !row.isNullAt(1)) {
                map.put(row.getString(0), row.getString(1));
            }
        }
        return new ConceptIndex(map);
    }

    static ConceptIndex of(Map<String, String> codeByPath) {
        return new ConceptIndex(new TreeMap<>(codeByPath));
    }

    /** The distinct codes at or below the path, sorted; empty when the dimension lacks the path. */
    List<String> codesUnder(String path) {
        TreeSet<String> codes = new TreeSet<>(codeByPath.subMap(path, true, path + Character.MAX_VALUE, false)
                .values());
        return List.copyOf(codes);
    }
}
