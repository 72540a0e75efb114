package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.query.ItemKey;

/**
 * The ontology rows of an i2b2 warehouse's snapshot that select by a dimension table rather than by concept codes:
 * {@code c_tablename} {@code patient_dimension}, {@code visit_dimension} or {@code provider_dimension}. An item key
 * {@code \\TABLE_CD\c_fullname} names the row of {@code c_fullname} in the ontology table that {@code table_access}
 * gives for {@code TABLE_CD}, as in i2b2; a path without a row of its own falls back to what the category's
 * {@code table_access} row declares. Concept rows are left to the concept index. Held on the driver: a few hundred
 * rows.
 */
final class OntologyTerms {

    /** The dimension tables whose rows are terms here. */
    static final List<String> DIMENSIONS = List.of("patient_dimension", "visit_dimension", "provider_dimension");

    /** What an ontology row says about how its items select: where, which column, how, compared with what. */
    record Term(String table, String column, String operator, String dimcode, String dataType) {
    }

    private record Access(String ontologyTable, String fullname, Term declared) {
    }

    static final OntologyTerms NONE = new OntologyTerms(Map.of(), Map.of());

    private final Map<String, Access> categories;
    private final Map<String, Term> byTableAndPath;

    private OntologyTerms(Map<String, Access> categories, Map<String, Term> byTableAndPath) {
        this.categories = categories;
        this.byTableAndPath = byTableAndPath;
    }

    /** The snapshot's terms; {@link #NONE} for a snapshot without an ontology (the container's own store). */
    static OntologyTerms of(SparkSession spark, Snapshot snapshot) {
        if (!Files.isDirectory(snapshot.table("ontology")) || !Files.isDirectory(snapshot.table("table_access"))) {
            return NONE;
        }
        Map<String, Access> categories = new HashMap<>();
        for (Row row : spark.read().parquet(snapshot.table("table_access").toString()).select("c_table_cd",
                "c_table_name", "c_fullname", "c_dimtablename", "c_columnname", "c_operator", "c_dimcode",
                "c_columndatatype").collectAsList()) {
            categories.put(row.getString(0), new Access(lowerCase(row.getString(1)), row.getString(2),
                    term(row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7))));
        }
        Map<String, Term> terms = new HashMap<>();
        for (Row row : spark.read().parquet(snapshot.table("ontology").toString())
                .filter(lower(col("c_tablename")).isin(DIMENSIONS.toArray()).and(col("m_applied_path").equalTo("@")))
                .select("c_table_name", "c_fullname", "c_tablename", "c_columnname", "c_operator", "c_dimcode",
                        "c_columndatatype").collectAsList()) {
            terms.put(row.getString(0) + '\u0000' + row.getString(1), term(row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5), row.getString(6)));
        }
        return new OntologyTerms(Map.copyOf(categories), Map.copyOf(terms));
    }

    /**
     * The dimension term the key names, or empty when it names a concept (or the snapshot has no ontology). A path
     * without a row of its own takes its category's declaration, compared with the path itself, when the category
     * is declared on a dimension with LIKE (i2b2's providers: every provider at or below the path).
     */
    Optional<Term> dimensionTerm(ItemKey.ConceptPath key) {
        Access category = categories.get(key.table());
        if (category == null) {
            return Optional.empty();
        }
        Term own = byTableAndPath.get(category.ontologyTable() + '\u0000' + key.path());
        if (own != null) {
            return Optional.of(own);
        }
        Term declared = category.declared();
        if (DIMENSIONS.contains(declared.table()) && declared.operator().equalsIgnoreCase("LIKE")
                && category.fullname() != null && key.path().startsWith(category.fullname())) {
            return Optional.of(new Term(declared.table(), declared.column(), declared.operator(), key.path(),
                    declared.dataType()));
        }
        return Optional.empty();
    }

    private static Term term(String table, String column, String operator, String dimcode, String dataType) {
        return new Term(lowerCase(table), lowerCase(column), operator == null ? "" : operator.strip(),
                dimcode == null ? "" : dimcode, dataType == null ? "T" : dataType.strip());
    }

    private static String lowerCase(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
