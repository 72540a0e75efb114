package org.smartcc.engine.synthetic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.smartcc.engine.internal.spark.StarSchemaTables;

/**
 * Spark schemas of the generated tables: the columns of {@link StarSchemaTables#COLUMNS} with the types a JDBC read
 * of the star schema gives (INTEGER int, DECIMAL(18,5) decimal(18,5), TIMESTAMP timestamp, VARCHAR string), so that
 * a generated snapshot and one copied from the database read the same. {@link #ENCOUNTER_MAPPING} and {@link #RECORD_SOURCE} are database-only.
 */
final class SyntheticSchema {

    static final String PATIENT_DIMENSION = "patient_dimension";
    static final String VISIT_DIMENSION = "visit_dimension";
    static final String CONCEPT_DIMENSION = "concept_dimension";
    static final String MODIFIER_DIMENSION = "modifier_dimension";
    static final String PROVIDER_DIMENSION = "provider_dimension";
    static final String PATIENT_MAPPING = "patient_mapping";
    static final String ENCOUNTER_MAPPING = "encounter_mapping";
    /** One row per SMART record (--smart-records): the record API's version of a record. Database-only. */
    static final String RECORD_SOURCE = "record_source";
    static final String RECORD_SOURCE_COLUMNS = "patient_num, record_id, source_name, source_sha256, statement_count,"
            + " loaded_at";
    static final String ENCOUNTER_MAPPING_COLUMNS = "encounter_ide, encounter_ide_source, project_id, encounter_num,"
            + " patient_ide, patient_ide_source, encounter_ide_status";

    private static final DataType DECIMAL = DataTypes.createDecimalType(18, 5);
    private static final Map<String, DataType> TYPES = Map.ofEntries(
            Map.entry("encounter_num", DataTypes.IntegerType), Map.entry("patient_num", DataTypes.IntegerType),
            Map.entry("instance_num", DataTypes.IntegerType), Map.entry("age_in_years_num", DataTypes.IntegerType),
            Map.entry("length_of_stay", DataTypes.IntegerType), Map.entry("nval_num", DECIMAL),
            Map.entry("quantity_num", DECIMAL), Map.entry("confidence_num", DECIMAL),
            Map.entry("start_date", DataTypes.TimestampType), Map.entry("end_date", DataTypes.TimestampType),
            Map.entry("birth_date", DataTypes.TimestampType), Map.entry("death_date", DataTypes.TimestampType),
            Map.entry("statement_count", DataTypes.IntegerType), Map.entry("loaded_at", DataTypes.TimestampType));

    private static final Map<String, StructType> SCHEMAS = schemas();

    private SyntheticSchema() {
    }

    static StructType of(String table) {
        StructType schema = SCHEMAS.get(table);
        if (schema == null) {
            throw new IllegalArgumentException("no schema for " + table);
        }
        return schema;
    }

    static String[] columns(String table) {
        return of(table).fieldNames();
    }

    private static Map<String, StructType> schemas() {
        Map<String, StructType> schemas = new LinkedHashMap<>();
        StarSchemaTables.COLUMNS.forEach((table, columns) -> schemas.put(table, struct(columns)));
        schemas.put(ENCOUNTER_MAPPING, struct(ENCOUNTER_MAPPING_COLUMNS));
        schemas.put(RECORD_SOURCE, struct(RECORD_SOURCE_COLUMNS));
        return schemas;
    }

    private static StructType struct(String columns) {
        StructType schema = new StructType();
        for (String column : columns.split(",")) {
            String name = column.trim();
            schema = schema.add(new StructField(name, TYPES.getOrDefault(name, DataTypes.StringType), true,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        return schema;
    }
}
