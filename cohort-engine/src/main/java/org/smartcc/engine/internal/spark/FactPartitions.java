package org.smartcc.engine.internal.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * Places facts into the snapshot's files by given key ranges, without the sampling pass of a range repartition.
 * {@code repartition(n, key)} puts a row into partition {@code pmod(hash(key), n)}, Spark's Murmur3 hash with seed 42;
 * so file i gets the smallest integer whose partition is i, and each fact the integer of its range.
 */
final class FactPartitions {

    /** The seed of Spark's hash partitioning (and of its {@code hash} function). */
    private static final int SPARK_HASH_SEED = 42;

    private FactPartitions() {
    }

    /** An int column whose hash partitioning with {@code bounds.size() + 1} partitions puts range i into file i. */
    static Column fileKey(Column conceptCd, Column patientNum, List<FactKey> bounds) {
        int[] keys = partitionKeys(bounds.size() + 1);
        return range(conceptCd, patientNum, bounds, keys, 0, bounds.size());
    }

    /** keys[i]: the smallest non-negative integer that Spark's hash partitioning over n partitions sends to i. */
    static int[] partitionKeys(int partitions) {
        int[] keys = new int[partitions];
        boolean[] found = new boolean[partitions];
        int missing = partitions;
        for (int key = 0; missing > 0; key++) {
            int partition = Math.floorMod(Murmur3_x86_32.hashInt(key, SPARK_HASH_SEED), partitions);
            if (!found[partition]) {
                found[partition] = true;
                keys[partition] = key;
                missing--;
            }
        }
        return keys;
    }

    /** Binary search as nested CASE WHENs: log2(files) comparisons per fact, compiled by Spark like any expression. */
    private static Column range(Column conceptCd, Column patientNum, List<FactKey> bounds, int[] keys, int low,
                                int high) {
        if (low == high) {
            return lit(keys[low]);
        }
        int middle = (low + high + 1) / 2;
        FactKey bound = bounds.get(middle - 1);
        Column below = conceptCd.lt(bound.conceptCd())
                .or(conceptCd.equalTo(bound.conceptCd()).and(patientNum.lt(bound.patientNum())));
        return when(below, range(conceptCd, patientNum, bounds, keys, low, middle - 1))
                .otherwise(range(conceptCd, patientNum, bounds, keys, middle, high));
    }
}
