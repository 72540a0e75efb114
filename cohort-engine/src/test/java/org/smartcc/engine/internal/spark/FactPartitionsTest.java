package org.smartcc.engine.internal.spark;

import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SharedSpark;

class FactPartitionsTest {

    static final List<FactKey> BOUNDS = List.of(new FactKey("LOINC:2345-7", 50), new FactKey("LOINC:2345-7", 80),
            new FactKey("RXNORM:1", 0), new FactKey("SMART:LabResult", 30));

    /** Spark places each fact in the file of its range: if Spark's hash partitioning changed, this would fail. */
    @Test
    void everyFactLandsInTheFileOfItsRange() {
        SparkSession spark = SharedSpark.engine().spark();
        List<Row> rows = new ArrayList<>();
        for (String code : List.of("ICD9:250", "LOINC:2345-7", "LOINC:4548-4", "RXNORM:1", "RXNORM:0",
                "SMART:LabResult", "SNOMED:1", "\u00e9")) {
            for (int patient = 0; patient < 100; patient += 7) {
                rows.add(RowFactory.create(code, patient));
            }
        }
        StructType schema = new StructType().add("concept_cd", DataTypes.StringType)
                .add("patient_num", DataTypes.IntegerType);
        Dataset<Row> facts = spark.createDataFrame(rows, schema);
        List<Row> placed = facts.repartition(BOUNDS.size() + 1,
                        FactPartitions.fileKey(facts.col("concept_cd"), facts.col("patient_num"), BOUNDS))
                .withColumn("file", spark_partition_id()).collectAsList();
        assertEquals(rows.size(), placed.size());
        for (Row row : placed) {
            FactKey key = new FactKey(row.getString(0), row.getInt(1));
            assertEquals(expectedFile(key), row.getInt(2), key.toString());
        }
    }

    @Test
    void eachFileHasAKeyOfItsOwn() {
        for (int files : List.of(1, 2, 5, 50, 256)) {
            assertEquals(files, java.util.Arrays.stream(FactPartitions.partitionKeys(files)).distinct().count());
        }
    }

    private static int expectedFile(FactKey key) {
        int file = 0;
        while (file < BOUNDS.size() && key.compareTo(BOUNDS.get(file)) >= 0) {
            file++;
        }
        return file;
    }
}
