package org.smartcc.engine.internal.spark;

import static org.apache.spark.sql.functions.lit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.SnapshotException;
import org.smartcc.store.Database;

/**
 * Reads an i2b2 warehouse's ontology for a snapshot: {@code table_access} ({@link #TABLE_ACCESS}) and the rows of
 * every ontology table it names ({@link #ONTOLOGY}, each row with the name of its table in {@code c_table_name}), so
 * that the engine resolves item keys without the warehouse. The table names are data: only names of tables that the
 * database's own catalogue lists are read, never a name as written in {@code table_access}.
 */
public final class OntologyTables {

    public static final String TABLE_ACCESS = "table_access";
    public static final String ONTOLOGY = "ontology";

    /** The {@code table_access} columns a snapshot keeps. */
    static final List<String> ACCESS_COLUMNS = List.of("c_table_cd", "c_table_name", "c_protected_access",
            "c_hlevel", "c_fullname", "c_name", "c_synonym_cd", "c_visualattributes", "c_totalnum", "c_basecode",
            "c_metadataxml", "c_facttablecolumn", "c_dimtablename", "c_columnname", "c_columndatatype",
            "c_operator", "c_dimcode", "c_tooltip", "valuetype_cd");

    /** The ontology-table columns a snapshot keeps (i2b2's metadata columns but the dates and comments). */
    static final List<String> ONTOLOGY_COLUMNS = List.of("c_hlevel", "c_fullname", "c_name", "c_synonym_cd",
            "c_visualattributes", "c_totalnum", "c_basecode", "c_metadataxml", "c_facttablecolumn", "c_tablename",
            "c_columnname", "c_columndatatype", "c_operator", "c_dimcode", "c_tooltip", "m_applied_path",
            "m_exclusion_cd", "valuetype_cd");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private OntologyTables() {
    }

    /**
     * The ontology of {@code database} as two lazy Spark reads keyed {@link #TABLE_ACCESS} and {@link #ONTOLOGY};
     * empty when the database has no {@code table_access} table (the container's own store).
     */
    static Optional<Map<String, Dataset<Row>>> read(SparkSession spark, Database database, Properties properties) {
        Map<String, String> tables = catalogue(database);
        String access = tables.get(TABLE_ACCESS);
        if (access == null) {
            return Optional.empty();
        }
        Dataset<Row> accessRows = spark.read().jdbc(database.jdbcUrl(), "(SELECT " + String.join(", ",
                ACCESS_COLUMNS) + " FROM " + access + ") t", properties);
        Set<String> named = new TreeSet<>();
        for (Row row : accessRows.select("c_table_name").distinct().collectAsList()) {
            if (!row.isNullAt(0)) {
                named.add(row.getString(0).toLowerCase(Locale.ROOT));
            }
        }
        Dataset<Row> ontology = null;
        List<String> missing = new ArrayList<>();
        for (String name : named) {
            String table = tables.get(name);
            if (table == null) {
                missing.add(name);
                continue;
            }
            Dataset<Row> rows = spark.read().jdbc(database.jdbcUrl(), "(SELECT " + String.join(", ",
                    ONTOLOGY_COLUMNS) + " FROM " + table + ") t", properties).withColumn("c_table_name", lit(name));
            ontology = ontology == null ? rows : ontology.unionByName(rows);
        }
        if (ontology == null) {
            throw new SnapshotException("table_access names no ontology table of this database: " + missing, null);
        }
        return Optional.of(Map.of(TABLE_ACCESS, accessRows, ONTOLOGY, ontology));
    }

    /** The database's tables in the connection's schema, by lower-case name, as the catalogue spells them. */
    private static Map<String, String> catalogue(Database database) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = database.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (IDENTIFIER.matcher(name).matches()) {
                        tables.put(name.toLowerCase(Locale.ROOT), name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new SnapshotException("the database's tables could not be listed", e);
        }
        return tables;
    }
}
